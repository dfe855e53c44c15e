package io.github.camelscenario.scenario;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page of hits, or the allPages iterator, becomes one JSON array written like a single asset. */
class HitsToJsonArrayTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aListOfAssetsBecomesAJsonArrayKeepingUnknownFields() throws Exception {
        Asset first = HttpScenarioClient.defaultMapper().readValue(
                "{\"id\":\"a1\",\"tags\":[\"cat\"],\"addedLater\":{\"x\":1}}", Asset.class);
        Asset second = new Asset();
        second.setId("a2");
        Exchange exchange = exchange(List.of(first, second));

        new HitsToJsonArray().process(exchange);

        JsonNode array = json.readTree(exchange.getMessage().getBody(String.class));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("id").asText()).isEqualTo("a1");
        assertThat(array.get(0).get("addedLater").get("x").asInt()).isEqualTo(1);
        assertThat(array.get(1)).isEqualTo(json.readTree(AssetConverters.toJson(second)));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    void noHitsIsAnEmptyArray() throws Exception {
        Exchange exchange = exchange(List.of());
        new HitsToJsonArray().process(exchange);
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("[]");
    }

    @Test
    void anIteratorIsWalkedAndClosed() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Asset asset = new Asset();
        asset.setId("a1");
        Exchange exchange = exchange(new ClosingIterator(List.of(asset).iterator(), closed));

        new HitsToJsonArray().process(exchange);

        assertThat(json.readTree(exchange.getMessage().getBody(String.class)).get(0).get("id").asText())
                .isEqualTo("a1");
        assertThat(closed).isTrue();
    }

    @Test
    void aBodyThatIsNoHitsIsRefusedNamingItsType() {
        assertThatThrownBy(() -> new HitsToJsonArray().process(exchange("cat")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String").hasMessageContaining("JSON array of assets");
    }

    private static Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private record ClosingIterator(Iterator<Asset> delegate, AtomicBoolean closed) implements Iterator<Asset>, AutoCloseable {

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Asset next() {
            return delegate.next();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
