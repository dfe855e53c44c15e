package io.github.camelscenario.scenario;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelscenario.scenario.client.FakeIndex;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds (onlyNew) that a poison asset, a shared repository, an asynchronous route or a restart cannot break. An index
 * in memory answers as the engine does (newest first, keyset filter, a paging cap of 100); the tests drive the polls.
 */
@Timeout(60)
class ScenarioFeedTest {

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static FakeIndex library(String prefix, int assets) {
        FakeIndex index = new FakeIndex(10).maxTotalHits(100);
        for (int i = 1; i <= assets; i++) {
            index.insert(index.size(), prefix + i);
        }
        return index;
    }

    private CamelContext start(RouteBuilder routes, Object... beans) throws Exception {
        context = new DefaultCamelContext();
        for (int i = 0; i < beans.length; i += 2) {
            context.getRegistry().bind((String) beans[i], beans[i + 1]);
        }
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** A feed that polls only when the test says so. */
    private static String feed(String search, String client, String options) {
        return "scenario:search?" + search + "&hitsPerPage=10&onlyNew=true&scenarioClient=#" + client
               + "&startScheduler=false" + options;
    }

    private ScenarioConsumer consumer(String routeId) {
        return (ScenarioConsumer) context.getRoute(routeId).getConsumer();
    }

    private static List<String> ids(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(ScenarioConstants.ASSET_ID,
                String.class)).collect(Collectors.toList());
    }

    /** A destination that refuses one asset, c150, every time: a poison asset. */
    private static void refuseC150(Exchange exchange) {
        if ("c150".equals(exchange.getMessage().getHeader(ScenarioConstants.ASSET_ID))) {
            throw new IllegalStateException("cannot store c150");
        }
    }

    /** Requests one poll sends. */
    private static int requestsOf(FakeIndex index, ScenarioConsumer consumer) throws Exception {
        int before = index.requests.size();
        consumer.poll();
        return index.requests.size() - before;
    }

    @Test
    void aPoisonAssetNeverBlocksTheFeedAndCostsWhatReachingItCostsPlusARead() throws Exception {
        FakeIndex cats = library("c", 300);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "")).routeId("feed")
                        .process(ScenarioFeedTest::refuseC150)
                        .to("mock:out");
            }
        }, "cats", cats);
        MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
        ScenarioConsumer feed = consumer("feed");

        feed.poll();
        // the first sync goes past the engine's cap of 100 and past the poison asset
        assertThat(out.getReceivedCounter()).isEqualTo(299);

        // new assets arrive on the next poll; c150 is offered again on every poll
        cats.insert(0, "new1");
        out.reset();
        feed.poll();
        assertThat(ids(out)).containsExactly("new1");
        // a poll with nothing new reads down to c150 (15 reads of 10) and one read more, never the whole library
        int cost = requestsOf(cats, feed);
        assertThat(cost).isBetween(15, 17);
        assertThat(ids(out)).containsExactly("new1");
    }

    @Test
    void aCrawlLogsOneInfoLineWhenItEndsAndOneWarnForWhatItLeftBehind() throws Exception {
        FakeIndex cats = library("c", 300);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "")).routeId("feed")
                        .process(ScenarioFeedTest::refuseC150);
            }
        }, "cats", cats);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        // our loggers print to System.err in tests (simplelogger.properties)
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            consumer("feed").poll();
        } finally {
            System.setErr(err);
        }
        List<String> ours = log.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains(" io.github.camelscenario.")).collect(Collectors.toList());
        assertThat(ours.stream().filter(l -> l.contains(" INFO "))).singleElement().asString()
                .contains("Scenario crawl of route feed (catch-up) walked 300 hit(s) with ")
                .contains("with 30 page request(s) in 4 keyset window(s): 300 emitted, 0 skipped").endsWith(" ms");
        // beside Camel's own WARN for the failed exchange (the consumer's exception handler), one from the crawl
        assertThat(ours.stream().filter(l -> l.contains(" WARN ") && l.contains("scenario.Crawl"))).singleElement()
                .asString()
                .contains("1 exchange(s) failed and are offered again by the next crawl (the first: asset c150)");
    }

    @Test
    void aDeadLetterChannelLetsTheFeedMoveOnToOneRequestAPoll() throws Exception {
        FakeIndex cats = library("c", 300);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from(feed("query=cat", "cats", "")).routeId("feed")
                        .process(ScenarioFeedTest::refuseC150)
                        .to("mock:out");
            }
        }, "cats", cats);
        ScenarioConsumer feed = consumer("feed");
        feed.poll();
        assertThat(ids(context.getEndpoint("mock:dead", MockEndpoint.class))).containsExactly("c150");
        assertThat(requestsOf(cats, feed)).isOne();
        assertThat(context.getEndpoint("mock:dead", MockEndpoint.class).getReceivedCounter()).isOne();
    }

    @Test
    void feedsOfDifferentSearchesSharingOneRepositoryDeliverEachItsOwnAssets() throws Exception {
        FakeIndex cats = library("c", 300);
        // 50 fantasy cats are in both searches
        FakeIndex fantasy = library("c", 50);
        for (int i = 1; i <= 300; i++) {
            fantasy.insert(fantasy.size(), "f" + i);
        }
        MemoryIdempotentRepository shared = new MemoryIdempotentRepository();
        context = new DefaultCamelContext();
        context.getRegistry().bind("cats", cats);
        context.getRegistry().bind("fantasy", fantasy);
        // set once, on the component, for every endpoint
        context.getComponent("scenario", ScenarioComponent.class).getConfiguration().setIdempotentRepository(shared);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "")).routeId("cats").to("mock:cats");
                from(feed("filter=tags = fantasy", "fantasy", "")).routeId("fantasy").to("mock:fantasy");
            }
        });
        context.start();
        consumer("cats").poll();
        consumer("fantasy").poll();
        consumer("cats").poll();
        consumer("fantasy").poll();

        assertThat(ids(context.getEndpoint("mock:cats", MockEndpoint.class))).containsExactlyElementsOf(cats.snapshot());
        assertThat(ids(context.getEndpoint("mock:fantasy", MockEndpoint.class)))
                .containsExactlyElementsOf(fantasy.snapshot());
    }

    @Test
    void theMarkWaitsForEveryExchangeOfTheCrawlAndNeverCoversOneThatFailed(@TempDir Path tmp) throws Exception {
        FakeIndex cats = library("c", 30);
        File store = tmp.resolve("seen.dat").toFile();
        FileIdempotentRepository repository = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(store);
        CountDownLatch release = new CountDownLatch(1);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&idempotentRepository=#seen")).routeId("feed")
                        .threads(2)
                        .process(e -> {
                            if ("c30".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))) {
                                release.await(10, TimeUnit.SECONDS);
                                throw new IllegalStateException("c30 fails after the poll ended");
                            }
                        })
                        .to("mock:out");
            }
        }, "cats", cats, "seen", repository);
        consumer("feed").poll();
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> context.getEndpoint("mock:out", MockEndpoint.class).getReceivedCounter() == 29);
        // the crawl was walked, c30 is still being routed: no mark yet
        assertThat(marks(repository)).isEmpty();
        release.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> context.getInflightRepository().size() == 0);
        // c30, the last hit, failed: no hit after it can carry a mark
        assertThat(marks(repository)).isEmpty();
        context.stop();

        // another node on the same file takes over: it delivers c30
        FileIdempotentRepository reopened = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(store);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&idempotentRepository=#seen")).routeId("feed").to("mock:out");
            }
        }, "cats", cats, "seen", reopened);
        consumer("feed").poll();
        assertThat(ids(context.getEndpoint("mock:out", MockEndpoint.class))).containsExactly("c30");
        // now every exchange settled as delivered: the marks stand at the newest assets
        assertThat(marks(reopened)).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
    }

    @Test
    void aFailureMidCrawlPutsTheMarkRightBelowIt() throws Exception {
        FakeIndex cats = library("c", 30);
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&idempotentRepository=#seen")).routeId("feed")
                        .process(e -> {
                            if ("c12".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))) {
                                throw new IllegalStateException("c12 fails");
                            }
                        });
            }
        }, "cats", cats, "seen", repository);
        consumer("feed").poll();
        assertThat(marks(repository)).containsExactlyInAnyOrder("c13", "c14", "c15", "c16");
    }

    @Test
    void anOldAssetAFullCrawlFindsAndFailsToDeliverIsOfferedAgainByTheNextCatchUp() throws Exception {
        FakeIndex cats = library("c", 300);
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        java.util.concurrent.atomic.AtomicBoolean refuseLate = new java.util.concurrent.atomic.AtomicBoolean(true);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&idempotentRepository=#seen")).routeId("feed")
                        .to("mock:attempts")
                        .process(e -> {
                            if ("late".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID)) && refuseLate.get()) {
                                throw new IllegalStateException("cannot store late");
                            }
                        });
            }
        }, "cats", cats, "seen", repository);
        ScenarioConsumer feed = consumer("feed");
        MockEndpoint attempts = context.getEndpoint("mock:attempts", MockEndpoint.class);
        feed.poll();
        // an asset created long ago becomes visible (an import, a permission change): deep in the newest-first order
        cats.insert(150, "late");
        feed.startFreshCrawl();
        feed.poll();
        assertThat(ids(attempts)).containsOnlyOnce("late");
        // the full crawl's failure moved the feed's place below it: the catch-up reads down to it again
        int cost = requestsOf(cats, feed);
        assertThat(ids(attempts).stream().filter("late"::equals)).hasSize(2);
        assertThat(cost).isBetween(15, 17);
        refuseLate.set(false);
        feed.poll();
        // delivered at last: the feed's place is back at the top
        assertThat(requestsOf(cats, feed)).isOne();
    }

    @Test
    void anOldAssetAFullCrawlFindsLastAndFailsToDeliverIsOfferedAgainByTheNextCatchUp() throws Exception {
        FakeIndex cats = library("c", 30);
        java.util.concurrent.atomic.AtomicInteger lateTries = new java.util.concurrent.atomic.AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "")).routeId("feed")
                        .process(e -> {
                            if ("late".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))) {
                                lateTries.incrementAndGet();
                                throw new IllegalStateException("cannot store late");
                            }
                        });
            }
        }, "cats", cats);
        ScenarioConsumer feed = consumer("feed");
        feed.poll();
        // the oldest of all becomes visible: nothing follows it, so no mark can stand below it
        cats.insert(cats.size(), "late");
        feed.startFreshCrawl();
        feed.poll();
        assertThat(lateTries).hasValue(1);
        feed.poll();
        assertThat(lateTries).hasValue(2);
    }

    @Test
    void aCrawlCutShortByMaxResultsClaimsNothingBeyondIt() throws Exception {
        FakeIndex cats = library("c", 5);
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&maxResults=10&idempotentRepository=#seen")).routeId("feed")
                        .to("mock:out");
            }
        }, "cats", cats, "seen", repository);
        ScenarioConsumer feed = consumer("feed");
        feed.poll();
        assertThat(marks(repository)).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
        // 15 new assets: a poll looks at the newest 10 only
        for (int i = 15; i >= 1; i--) {
            cats.insert(0, "new" + i);
        }
        feed.poll();
        assertThat(ids(context.getEndpoint("mock:out", MockEndpoint.class))).hasSize(15).contains("new10")
                .doesNotContain("new11");
        // no mark over the assets it did not reach: the old ones stand
        assertThat(marks(repository)).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
    }

    @Test
    void deletingTheNewestAssetsBetweenPollsKeepsAPollWithNothingNewAtOneRequest() throws Exception {
        FakeIndex cats = library("c", 300);
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "&idempotentRepository=#seen")).routeId("feed").to("mock:out");
            }
        }, "cats", cats, "seen", repository);
        ScenarioConsumer feed = consumer("feed");
        feed.poll();
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < 5; i++) {
                cats.insert(0, "new" + round + "-" + i);
            }
            feed.poll();
            // the assets just delivered, which hold the newest marks, are deleted before the next poll
            for (int i = 0; i < 5; i++) {
                cats.deleteAt(0);
            }
            assertThat(requestsOf(cats, feed)).as("round %d: a poll with nothing new", round).isOne();
        }
        // the marks do not pile up: the newest ones and those of the crawl before
        assertThat(marks(repository).size()).isLessThanOrEqualTo(2 * Crawl.MARKS);
        assertThat(context.getEndpoint("mock:out", MockEndpoint.class).getReceivedCounter()).isEqualTo(300 + 15);
    }

    @Test
    void aRouteStoppedAndStartedAgainKeepsWhatTheDefaultRepositoryRemembers() throws Exception {
        FakeIndex cats = library("c", 100);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(feed("query=cat", "cats", "")).routeId("feed").to("mock:out");
            }
        }, "cats", cats);
        consumer("feed").poll();
        context.getRouteController().stopRoute("feed", 10, TimeUnit.SECONDS);
        context.getRouteController().startRoute("feed");
        consumer("feed").poll();
        assertThat(context.getEndpoint("mock:out", MockEndpoint.class).getReceivedCounter()).isEqualTo(100);
    }

    /** The asset ids the crawl marks of this test's search stand at. */
    private static List<String> marks(IdempotentRepository repository) {
        Map<String, Object> cache = repository instanceof FileIdempotentRepository file ? file.getCache()
                : ((MemoryIdempotentRepository) repository).getCache();
        String prefix = Feed.deliveredKey(new SearchRequest().setQuery("cat"), "caught-up:");
        return cache.keySet().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length())).collect(Collectors.toList());
    }
}
