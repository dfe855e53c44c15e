package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScenarioConsumerPrefetchTest extends ConsumerTestSupport {

    private static final int PAGES = 8;
    private static final int PER_PAGE = 5;
    private static final int SERVER_DELAY_MILLIS = 200;
    private static final CrawlPages READS = CrawlPages.step(PER_PAGE);

    private RouteBuilder crawl(String id, int prefetchPages, List<List<Integer>> seenAtFirstHit, boolean waitForWindow) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=" + id + "&hitsPerPage=" + PER_PAGE + "&prefetchPages=" + prefetchPages))
                        .routeId(id).autoStartup(false)
                        .process(e -> {
                            if (e.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class) == 0) {
                                if (waitForWindow) {
                                    // while page 1's first hit is being processed, pages 2..1+prefetch are requested
                                    await().atMost(3, TimeUnit.SECONDS)
                                            .until(() -> requestedPages(READS).size() >= 1 + prefetchPages);
                                }
                                seenAtFirstHit.add(requestedPages(READS));
                            }
                        })
                        // some work per hit, as a real route has: 10 ms, 50 ms a page
                        .delay(10).syncDelayed()
                        .to("mock:" + id);
            }
        };
    }

    private long timeCrawl(String id) throws Exception {
        MockEndpoint out = mock(id);
        out.expectedMessageCount(PAGES * PER_PAGE);
        long start = System.nanoTime();
        context.getRouteController().startRoute(id);
        out.assertIsSatisfied(20_000);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly(ids("a", PAGES * PER_PAGE));
        context.getRouteController().stopRoute(id);
        return elapsed;
    }

    @Test
    void pagesAheadAreRequestedWhilePageOneIsProcessedAndACrawlIsFaster() throws Exception {
        READS.stubAll(wireMock, ids("a", PAGES * PER_PAGE), SERVER_DELAY_MILLIS);
        List<List<Integer>> sequentialSeen = new ArrayList<>();
        List<List<Integer>> prefetchSeen = new ArrayList<>();
        context.addRoutes(crawl("sequential", 0, sequentialSeen, false));
        context.addRoutes(crawl("prefetch", 2, prefetchSeen, true));
        context.start();

        long sequential = timeCrawl("sequential");
        // strictly one request after another: page 2 is asked only once page 1's hits are out
        assertThat(sequentialSeen.get(0)).containsExactly(1);
        assertThat(requestedPages(READS)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

        wireMock.resetRequests();
        long prefetched = timeCrawl("prefetch");
        assertThat(prefetchSeen.get(0)).containsExactlyInAnyOrder(1, 2, 3);
        // every page once, none past totalPages
        assertThat(requestedPages(READS)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);

        double ratio = (double) prefetched / sequential;
        System.out.printf("Scenario consumer crawl of %d pages (server %d ms a page, 50 ms of work a page): "
                          + "prefetchPages=0 %d ms, prefetchPages=2 %d ms, ratio %.2f%n",
                PAGES, SERVER_DELAY_MILLIS, sequential, prefetched, ratio);
        // ideal: (200 + 8 x 50 + 7 x ~50) / (8 x 250) ~ 0.5; generous margin for a busy machine
        assertThat(ratio).isLessThan(0.8);
    }

    @Test
    void aRateLimitedPageShrinksTheWindowInsteadOfFailingTheCrawl() throws Exception {
        CrawlPages threes = CrawlPages.step(3);
        threes.stubAll(wireMock, ids("a", 18));
        CrawlPages.failThenAnswer(wireMock, "limit", () -> threes.read(3), 2,
                aResponse().withStatus(429).withBody("{\"message\":\"slow down\"}"),
                okJson(threes.answer(3, ids("a", 18))));
        String uri = scenario("query=dragon&hitsPerPage=3&prefetchPages=2&maxRetries=0&bridgeErrorHandler=true");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from(uri).to("mock:out");
            }
        });
        context.start();
        MockEndpoint out = mock("out");
        out.expectedMessageCount(18);
        out.assertIsSatisfied(5000);
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly(ids("a", 18));
        assertThat(mock("errors").getReceivedCounter()).isZero();
        // two 429s: 2 pages ahead, then 1, then none; it grows back only after 8 good pages
        assertThat(((ScenarioConsumer) context.getRoutes().get(0).getConsumer()).getCrawl().pages.getWindow()).isZero();
        assertThat(requestedPages(threes).stream().filter(p -> p == 3)).hasSize(3);
    }
}
