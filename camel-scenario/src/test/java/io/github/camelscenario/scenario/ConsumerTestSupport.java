package io.github.camelscenario.scenario;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock server on loopback and a Camel context per test; consumer URIs with fast retries and no initial delay. */
abstract class ConsumerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected WireMockServer wireMock;
    protected CamelContext context;

    @BeforeEach
    void startServer() throws Exception {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        context = newContext();
    }

    @AfterEach
    void stopAll() {
        if (context != null) {
            context.stop();
        }
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    protected CamelContext newContext() {
        DefaultCamelContext c = new DefaultCamelContext();
        c.getShutdownStrategy().setTimeout(10);
        return c;
    }

    /** A consumer URI against the WireMock server; {@code options} without a leading {@code &}. */
    protected String scenario(String options) {
        return "scenario:search?baseUrl=http://127.0.0.1:" + wireMock.port() + "/v1&apiKey=k&apiSecret=s"
               + "&retryInitialDelay=10&retryMaxDelay=50&initialDelay=0&" + options;
    }

    protected void start(RoutesBuilder routes) throws Exception {
        context.addRoutes(routes);
        context.start();
    }

    protected MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    /** The page each read of the server received was for, in arrival order. */
    protected List<Integer> requestedPages(CrawlPages pages) {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(CrawlPages.SEARCH_PATH))).stream()
                .map(r -> {
                    try {
                        return pages.pageOf(JSON.readTree(r.getBodyAsString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toList());
    }

    /**
     * The sizes of the batches the exchanges came in (a batch starts at {@code CamelBatchIndex} 0), each checked: every
     * exchange of it says its exact size, indices count up, and only the last says it completes the batch.
     */
    protected static List<Integer> batchSizes(List<Exchange> exchanges) {
        List<Integer> sizes = new java.util.ArrayList<>();
        int i = 0;
        while (i < exchanges.size()) {
            int size = exchanges.get(i).getProperty(org.apache.camel.ExchangePropertyKey.BATCH_SIZE, Integer.class);
            for (int k = 0; k < size; k++) {
                Exchange e = exchanges.get(i + k);
                org.assertj.core.api.Assertions.assertThat(e.getProperty(org.apache.camel.ExchangePropertyKey.BATCH_INDEX))
                        .as("index of exchange %d", i + k).isEqualTo(k);
                org.assertj.core.api.Assertions.assertThat(e.getProperty(org.apache.camel.ExchangePropertyKey.BATCH_SIZE))
                        .as("size on exchange %d", i + k).isEqualTo(size);
                org.assertj.core.api.Assertions.assertThat(e.getProperty(org.apache.camel.ExchangePropertyKey.BATCH_COMPLETE))
                        .as("complete on exchange %d", i + k).isEqualTo(k == size - 1);
            }
            sizes.add(size);
            i += size;
        }
        return sizes;
    }

    protected static List<String> assetIds(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class))
                .collect(Collectors.toList());
    }
}
