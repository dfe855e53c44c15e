package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The connection pool: a wait for a free connection is bounded, and one transport serves several clients. */
class HttpTransportTest {

    private static final String PATH = "/v1/search/assets";
    private static final String PAGE = "{\"hits\":[{\"id\":\"a\"}],\"page\":1,\"hitsPerPage\":1,\"totalHits\":1}";

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        server.stop();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    @Test
    @Timeout(20)
    void waitForAPooledConnectionIsBoundedByConnectionRequestTimeout() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(PAGE).withFixedDelay(4000)));
        try (HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(baseUrl()).retryPolicy(RetryPolicy.NONE)
                .maxConnections(1).connectionRequestTimeout(Duration.ofMillis(300)).build()) {
            // the only connection is busy for 4 s...
            Future<SearchPage> busy = executor.submit(() -> client.search(new SearchRequest()));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.findAll(postRequestedFor(urlPathEqualTo(PATH))).size() == 1);
            // ...so the next search gives up waiting for it after 300 ms instead of queueing without bound
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.search(new SearchRequest())).isInstanceOf(IOException.class)
                    .hasRootCauseInstanceOf(ConnectionRequestTimeoutException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 2500L);
            busy.cancel(true);
        }
    }

    @Test
    @Timeout(20)
    void clientsOnASharedTransportKeepTheirOwnCredentialsAndDoNotCloseIt() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(PAGE)));
        try (HttpTransport transport = HttpTransport.builder().build()) {
            HttpScenarioClient alice = HttpScenarioClient.builder().baseUrl(baseUrl()).credentials("alice", "a-secret")
                    .transport(transport).build();
            HttpScenarioClient bob = HttpScenarioClient.builder().baseUrl(baseUrl()).credentials("bob", "b-secret")
                    .transport(transport).build();
            alice.search(new SearchRequest());
            alice.close();
            // closing one client leaves the shared pool to the others
            bob.search(new SearchRequest());
            var sent = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0).getHeader("Authorization")).isNotEqualTo(sent.get(1).getHeader("Authorization"));
        }
    }

    @Test
    void aTimeoutOfZeroOrLessIsRefusedByTheBuilderNamingIt() {
        // HttpClient 5 reads 0 as "wait without bound" and fails a negative one on every request
        assertThatThrownBy(() -> HttpTransport.builder().responseTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("responseTimeout must be more than 0 (0 waits without bound), was -1 ms");
        assertThatThrownBy(() -> HttpTransport.builder().connectTimeout(Duration.ZERO))
                .hasMessageStartingWith("connectTimeout must be more than 0");
        assertThatThrownBy(() -> HttpScenarioClient.builder().connectionRequestTimeout(Duration.ZERO))
                .hasMessageStartingWith("connectionRequestTimeout must be more than 0");
    }
}
