package io.github.camelscenario.scenario;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.CrawlStoppedException;
import io.github.camelscenario.scenario.client.SearchHitIterator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An allPages iterator that outlives its producer never waits without bound: its next page ends in a clear
 * {@link CrawlStoppedException} naming the endpoint (never its credentials) and the page.
 */
@Timeout(30)
class ProducerAllPagesStopTest extends WireMockTestSupport {

    private static final String URI = "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=1";

    private static final CrawlPages PAGES = CrawlPages.step(2);

    private final ExecutorService walker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWalker() {
        walker.shutdownNow();
    }

    @Test
    void iterationAfterItsProducerTemplateStoppedFailsAtOnce() throws Exception {
        PAGES.stubAll(wireMock, CrawlPages.ids("a", 10));
        ProducerTemplate own = context.createProducerTemplate();
        SearchHitIterator it = own.requestBody(URI, null, SearchHitIterator.class);
        assertThat(it.next().getId()).isEqualTo("a1");
        assertThat(it.next().getId()).isEqualTo("a2");
        // page 2 asked ahead and answered
        await().atMost(5, TimeUnit.SECONDS).until(() -> searchRequests().size() == 2);

        own.stop();
        // before the fix: page 2 came out of the window, page 3 went to the shut-down pool, whose CallerRuns policy
        // dropped it, and the walk waited for it forever
        assertThatThrownBy(() -> it.forEachRemaining(a -> {
        })).isInstanceOf(CrawlStoppedException.class)
                .hasMessageStartingWith("Scenario crawl stopped before page 2 was answered: its producer for scenario:")
                .hasMessageContaining("search").hasMessageNotContaining(API_SECRET).hasMessageNotContaining(API_KEY);
        assertThat(it.hasNext()).isFalse();
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void aWaitForAPageInFlightEndsWhenItsProducerStops() throws Exception {
        PAGES.stubAll(wireMock, CrawlPages.ids("a", 10));
        // page 2 takes far longer than the test may wait
        wireMock.stubFor(PAGES.read(2)
                .willReturn(okJson(PAGES.answer(2, CrawlPages.ids("a", 10))).withFixedDelay(20_000)));
        ProducerTemplate own = context.createProducerTemplate();
        SearchHitIterator it = own.requestBody(URI, null, SearchHitIterator.class);
        it.next();
        it.next();
        AtomicReference<Thread> walkerThread = new AtomicReference<>();
        Future<Asset> waiting = walker.submit(() -> {
            walkerThread.set(Thread.currentThread());
            return it.next();
        });
        // WireMock journals a request only once answered: wait until the walker waits for page 2 instead
        await().atMost(5, TimeUnit.SECONDS).until(() -> walkerThread.get() != null
                                                        && walkerThread.get().getState().name().endsWith("WAITING"));

        long start = System.nanoTime();
        own.stop();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CrawlStoppedException.class).hasMessageContaining("page 2");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    @Test
    void aRequestQueuedInThePoolEndsWhenItsProducerStops() throws Exception {
        PAGES.stubAll(wireMock, CrawlPages.ids("a", 10));
        for (int p = 2; p <= 5; p++) {
            wireMock.stubFor(PAGES.read(p)
                    .willReturn(okJson(PAGES.answer(p, CrawlPages.ids("a", 10))).withFixedDelay(20_000)));
        }
        ProducerTemplate own = context.createProducerTemplate();
        // prefetchPages=1: a pool of 2 threads; each of two iterators keeps one busy with its slow page 2
        own.requestBody(URI, null, SearchHitIterator.class);
        own.requestBody(URI, null, SearchHitIterator.class);
        AtomicReference<Thread> walkerThread = new AtomicReference<>();
        // a third exchange: its page 1 waits in the pool's queue
        Future<Object> third = walker.submit(() -> {
            walkerThread.set(Thread.currentThread());
            return own.requestBody(URI, (Object) null);
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> walkerThread.get() != null
                                                        && walkerThread.get().getState().name().endsWith("WAITING"));

        own.stop();
        assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .rootCause().isInstanceOf(CrawlStoppedException.class).hasMessageContaining("page 1");
    }

    @Test
    void aStreamingSplitThatOutlivesTheShutdownTimeoutFailsRatherThanHangs() throws Exception {
        PAGES.stubAll(wireMock, CrawlPages.ids("a", 10));
        CountDownLatch firstHit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").routeId("export")
                        .to(URI)
                        .split(body()).streaming()
                        .process(e -> {
                            firstHit.countDown();
                            release.await(20, TimeUnit.SECONDS);
                        })
                        .to("mock:hit");
            }
        });
        Future<Exchange> done = template.asyncSend("direct:export", e -> {
        });
        assertThat(firstHit.await(5, TimeUnit.SECONDS)).isTrue();

        // the graceful stop gives up after 1 s and stops the route's producer under the walking split
        context.getRouteController().stopRoute("export", 1, TimeUnit.SECONDS);
        release.countDown();

        Exchange result = done.get(10, TimeUnit.SECONDS);
        assertThat(result.getException()).isInstanceOf(CrawlStoppedException.class)
                .hasMessageStartingWith("Scenario crawl stopped before page 2 was answered: its producer for "
                                        + "scenario://search stopped");
        assertThat(searchRequests().size()).isLessThanOrEqualTo(2);
    }
}
