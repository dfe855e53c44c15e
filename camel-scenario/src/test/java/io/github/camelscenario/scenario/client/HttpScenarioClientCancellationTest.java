package io.github.camelscenario.scenario.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search cancelled by its own caller (Future.cancel(true) from a prefetch-window shrink, a rewind or a stop) is not a
 * failure: it is not retried and not logged as a WARN.
 */
class HttpScenarioClientCancellationTest {

    private static final String PATH = "/v1/search/assets";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private WireMockServer server;
    private HttpScenarioClient client;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(originalErr);
        executor.shutdownNow();
        if (client != null) {
            client.close();
        }
        server.stop();
    }

    private HttpScenarioClient.Builder clientTo() {
        return HttpScenarioClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .credentials("k", "s").retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    private int requests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    /** Runs a search on the executor; the latch opens when it has returned or thrown. */
    private Future<?> searchInBackground(CountDownLatch done) {
        return executor.submit(() -> {
            try {
                return client.search(new SearchRequest());
            } finally {
                done.countDown();
            }
        });
    }

    private void captureLog() {
        // our loggers run at DEBUG in tests (simplelogger.properties) and print to System.err
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(20)
    void cancelledWhileTheServerAnswersIsNotRetriedNorWarned() throws Exception {
        // the answer would be retried, but it arrives after the caller cancelled the search
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503).withFixedDelay(800)));
        client = clientTo().build();
        captureLog();
        CountDownLatch done = new CountDownLatch(1);
        Future<?> search = searchInBackground(done);
        await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 1);
        search.cancel(true);
        assertThat(done.await(5, TimeUnit.SECONDS)).as("the cancelled search ended").isTrue();
        Thread.sleep(200); // a retry would have gone out within 50 ms
        assertThat(requests()).as("no retry after our own cancellation").isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    @Timeout(20)
    void cancelledWhileWaitingForAPooledConnectionIsNotRetriedNorWarned() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503).withFixedDelay(1500)));
        // one connection, held by the first search; the second waits for it in the pool
        client = clientTo().maxConnections(1).connectionRequestTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch firstDone = new CountDownLatch(1);
        Future<?> first = searchInBackground(firstDone);
        await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 1);
        captureLog();
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<?> second = searchInBackground(secondDone);
        Thread.sleep(200); // let it reach the pool wait
        second.cancel(true);
        assertThat(secondDone.await(1, TimeUnit.SECONDS)).as("a pool wait ends with its cancellation").isTrue();
        first.cancel(true);
        assertThat(firstDone.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(requests()).as("neither search retried").isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }
}
