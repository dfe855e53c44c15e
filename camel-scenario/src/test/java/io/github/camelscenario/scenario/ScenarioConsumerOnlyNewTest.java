package io.github.camelscenario.scenario;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static io.github.camelscenario.scenario.CrawlPages.searchPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScenarioConsumerOnlyNewTest extends ConsumerTestSupport {

    private static final CrawlPages PAGES = CrawlPages.step(2);

    @TempDir
    Path tmp;

    /** Newest first, as a feed sorted by createdAt:desc would answer; 2 hits a page. */
    private void serveFeed(String... ids) {
        PAGES.stubAll(wireMock, ids);
    }

    private RouteBuilder feed(String extraOptions) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&sortBy=createdAt:desc&hitsPerPage=2&onlyNew=true&delay=30" + extraOptions))
                        .routeId("feed").to("mock:out");
            }
        };
    }

    /** Waits until the consumer has run {@code crawls} more crawls (page 1 asked that many more times). */
    private void awaitMoreCrawls(int crawls) {
        long before = requestedPages(PAGES).stream().filter(p -> p == 1).count();
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> requestedPages(PAGES).stream().filter(p -> p == 1).count() >= before + crawls);
    }

    @Test
    void onlyNewAssetsAcrossPollsWhileNewAssetsAppear() throws Exception {
        serveFeed("a3", "a2", "a1");
        start(feed(""));
        MockEndpoint out = mock("out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        awaitMoreCrawls(2);
        assertThat(out.getReceivedCounter()).isEqualTo(3);

        // two new assets arrive on top
        serveFeed("a5", "a4", "a3", "a2", "a1");
        out.reset();
        out.expectedMessageCount(2);
        out.assertIsSatisfied(5000);
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly("a5", "a4");
        assertThat(out.getReceivedExchanges().get(1).getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(true);
        assertThat(out.getReceivedExchanges().get(1).getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(2);
        awaitMoreCrawls(2);
        assertThat(out.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void aPersistentRepositoryMakesARestartReEmitNothing() throws Exception {
        File store = tmp.resolve("scenario-seen.dat").toFile();
        serveFeed("a3", "a2", "a1");
        context.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(store));
        start(feed("&idempotentRepository=#seen"));
        MockEndpoint out = mock("out");
        out.expectedMessageCount(3);
        out.assertIsSatisfied(5000);
        context.stop();

        // a new JVM, as far as the consumer can tell: a new context and a new repository on the same file
        serveFeed("a4", "a3", "a2", "a1");
        CamelContext second = newContext();
        context = second;
        IdempotentRepository reopened = FileIdempotentRepository.fileIdempotentRepository(store);
        second.getRegistry().bind("seen", reopened);
        start(feed("&idempotentRepository=#seen"));
        MockEndpoint afterRestart = mock("out");
        afterRestart.expectedMessageCount(1);
        afterRestart.assertIsSatisfied(5000);
        assertThat(assetIds(afterRestart.getReceivedExchanges())).containsExactly("a4");
        awaitMoreCrawls(2);
        assertThat(afterRestart.getReceivedCounter()).isEqualTo(1);
        assertThat(reopened.contains(delivered("a1"))).isTrue();
        assertThat(reopened.contains(delivered("a4"))).isTrue();
    }

    @Test
    void aFailedExchangeIsOfferedAgainOnTheNextPollAndRecordedOnlyThen() throws Exception {
        serveFeed("a3", "a2", "a1");
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        context.getRegistry().bind("seen", seen);
        AtomicBoolean failedOnce = new AtomicBoolean();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&onlyNew=true&delay=30&idempotentRepository=#seen"))
                        .routeId("feed")
                        .to("mock:attempts")
                        .process(e -> {
                            if ("a2".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))
                                    && failedOnce.compareAndSet(false, true)) {
                                assertThat(seen.contains(delivered("a2"))).isFalse();
                                throw new IllegalStateException("downstream is down");
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint attempts = mock("attempts");
        attempts.expectedMessageCount(4);
        MockEndpoint out = mock("out");
        out.expectedMessageCount(3);
        MockEndpoint.assertIsSatisfied(5, TimeUnit.SECONDS, attempts, out);
        assertThat(assetIds(attempts.getReceivedExchanges())).containsExactly("a3", "a2", "a1", "a2");
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly("a3", "a1", "a2");
        awaitMoreCrawls(2);
        assertThat(attempts.getReceivedCounter()).isEqualTo(4);
        assertThat(seen.contains(delivered("a2"))).isTrue();
    }

    @Test
    void withoutOnlyNewEveryCrawlEmitsEveryHitSoAFailedOneComesAgainWithTheNextCrawl() throws Exception {
        PAGES.stubAll(wireMock, CrawlPages.ids("a", 6));
        AtomicBoolean failedOnce = new AtomicBoolean();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&maxMessagesPerPoll=4&delay=30"))
                        .to("mock:attempts")
                        .process(e -> {
                            if ("a3".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))
                                    && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("downstream is down");
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMinimumMessageCount(9);
        out.assertIsSatisfied(5000);
        // the crawl goes on past the failure (a1..a4, then a5 a6); the next crawl emits every hit again, a3 with them
        assertThat(assetIds(List.copyOf(mock("attempts").getReceivedExchanges()).subList(0, 10)))
                .containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a1", "a2", "a3", "a4");
        assertThat(assetIds(List.copyOf(out.getReceivedExchanges()).subList(0, 9)))
                .containsExactly("a1", "a2", "a4", "a5", "a6", "a1", "a2", "a3", "a4");
    }

    /** The repository key of an asset delivered by the feed of this test's search. */
    private static String delivered(String id) {
        return Feed.deliveredKey(new io.github.camelscenario.scenario.client.SearchRequest().setQuery("dragon"), id);
    }
}
