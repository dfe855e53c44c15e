package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a producer's hits ({@code List<Asset>}, or the {@code allPages} iterator) into one JSON array, written like
 * a single asset's JSON (unknown fields kept). The scenario-search-action kamelet ends with it, so kamelet users
 * need no JSON data format beside this component; routes can use it too: {@code .process(new HitsToJsonArray())}.
 */
public class HitsToJsonArray implements Processor {

    private static final ObjectMapper MAPPER = HttpScenarioClient.defaultMapper();

    @Override
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        Iterator<?> hits;
        if (body instanceof Iterable<?> iterable) {
            hits = iterable.iterator();
        } else if (body instanceof Iterator<?> iterator) {
            hits = iterator;
        } else {
            throw new IllegalArgumentException("Cannot write a body of type "
                                               + (body == null ? "null" : body.getClass().getName())
                                               + " as a JSON array of assets: expected the hits of scenario:search "
                                               + "(a List<Asset> or its allPages iterator)");
        }
        try {
            exchange.getMessage().setBody(toJson(hits));
        } finally {
            if (hits instanceof AutoCloseable closeable) {
                // the allPages iterator stops its read-ahead
                closeable.close();
            }
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    static String toJson(Iterator<?> hits) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartArray();
            while (hits.hasNext()) {
                MAPPER.writeValue(json, hits.next());
            }
            json.writeEndArray();
        }
        return out.toString();
    }
}
