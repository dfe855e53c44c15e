package io.github.camelscenario.scenario;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.apache.camel.Converter;

/**
 * An asset as JSON, so {@code .to("file:...")} or Kafka gets JSON without a marshal step. Unknown fields the API sent
 * are written back: nothing is lost on the way through.
 */
@Converter(generateLoader = true)
public final class AssetConverters {

    private static final ObjectMapper MAPPER = HttpScenarioClient.defaultMapper();

    private AssetConverters() {
    }

    @Converter
    public static byte[] toBytes(Asset asset) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(asset);
    }

    @Converter
    public static String toJson(Asset asset) throws JsonProcessingException {
        return MAPPER.writeValueAsString(asset);
    }

    @Converter
    public static InputStream toInputStream(Asset asset) throws JsonProcessingException {
        return new ByteArrayInputStream(toBytes(asset));
    }
}
