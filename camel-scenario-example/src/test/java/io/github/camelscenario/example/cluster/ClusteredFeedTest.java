package io.github.camelscenario.example.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.CrawlSnapshot;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.curator.test.TestingServer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Camel instances run the same onlyNew feed behind {@code master:} on a real cluster service (ZooKeeper, in
 * process) with a shared, persistent idempotent repository (camel-sql's JDBC repository on an H2 file database). The
 * leader freezes and stops mid-crawl; the other node takes over.
 */
@Timeout(90)
class ClusteredFeedTest {

    /** The feed's search: 87 of the local server's 2,000 demo assets, 9 pages of 10, newest first. */
    private static final String FILTER = "tags = dragon";
    private static final int HITS_PER_PAGE = 10;

    @TempDir
    Path work;

    private LocalScenarioServer server;
    private TestingServer zooKeeper;
    private JdbcConnectionPool database;
    private final DeliveryLog dam = new DeliveryLog(10);
    private final List<FeedNode> nodes = new ArrayList<>();

    @BeforeEach
    void startServices() throws Exception {
        server = LocalScenarioServer.builder().start();
        zooKeeper = new TestingServer(true);
        // a pool, as each node would have: it also keeps the file database open between two statements
        database = JdbcConnectionPool.create("jdbc:h2:file:" + work.resolve("feed-repository").toAbsolutePath(), "sa",
                "");
    }

    @AfterEach
    void stopServices() throws Exception {
        nodes.forEach(FeedNode::close);
        if (database != null) {
            database.dispose();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String feedUri(long delayMillis) {
        return "scenario:search?baseUrl=" + server.getBaseUrl() + "&apiKey=" + server.getApiKey() + "&apiSecret="
               + server.getApiSecret() + "&filter=RAW(" + FILTER + ")&hitsPerPage=" + HITS_PER_PAGE
               + "&onlyNew=true&idempotentRepository=#seenAssets&initialDelay=0&delay=" + delayMillis;
    }

    private FeedNode node(String name, long delayMillis) throws Exception {
        FeedNode node = new FeedNode(name, zooKeeper.getConnectString(), database, feedUri(delayMillis), dam);
        nodes.add(node);
        return node.start();
    }

    /** Every asset id the feed's search finds now, asked of the server directly. */
    private Set<String> everyMatchingAsset() throws Exception {
        Set<String> ids = new HashSet<>();
        try (HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(server.getBaseUrl())
                .credentials(server.getApiKey(), server.getApiSecret()).build()) {
            for (int page = 1;; page++) {
                SearchRequest request = new SearchRequest();
                request.setFilter(FILTER);
                request.setPage(page);
                request.setHitsPerPage(100);
                SearchPage answer = client.search(request);
                answer.getHits().stream().map(Asset::getId).forEach(ids::add);
                if (answer.getHits().size() < 100) {
                    return ids;
                }
            }
        }
    }

    private void addDragons(int n) {
        for (int i = 1; i <= n; i++) {
            Asset asset = new Asset();
            asset.setTags(List.of("dragon", "late"));
            server.addAsset(asset);
        }
    }

    @Test
    void theOtherNodeTakesOverMidCrawlEveryAssetDeliveredDuplicatesOnlyWhatWasInFlight() throws Exception {
        long start = System.nanoTime();
        FeedNode a = node("node-a", 300);
        await().atMost(10, TimeUnit.SECONDS).until(() -> a.crawl() != null); // a leads
        FeedNode b = node("node-b", 300);
        int before = everyMatchingAsset().size();

        // the leader is mid-crawl: it freezes (deliveries written, never acknowledged), then stops
        await().atMost(20, TimeUnit.SECONDS).until(() -> dam.count("node-a") >= 25);
        assertThat(b.crawl()).as("b stands by while a leads").isNull();
        a.freeze();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !dam.hanging().isEmpty());
        a.context.getShutdownStrategy().setTimeout(1);
        a.close();
        Set<String> inFlightOnA = a.inFlight();
        assertThat(dam.count("node-a")).as("a stopped mid-crawl").isLessThan(before);

        // assets keep arriving while b takes over
        addDragons(5);
        Set<String> expected = everyMatchingAsset();
        assertThat(expected).hasSize(before + 5);
        await().atMost(30, TimeUnit.SECONDS).until(() -> dam.distinctIds().containsAll(expected));

        // every asset delivered, nothing else
        assertThat(dam.distinctIds()).isEqualTo(expected);
        // b skipped what a had delivered and recorded in the shared repository
        assertThat(dam.idsFrom("node-b")).doesNotContainAnyElementsOf(a.completed());
        // duplicates: only exchanges in flight on a when it stopped, at most the route's concurrency
        Map<String, Long> duplicates = dam.duplicates();
        assertThat(inFlightOnA).hasSizeBetween(1, FeedNode.MAX_IN_FLIGHT);
        assertThat(duplicates.keySet()).isSubsetOf(inFlightOnA);
        assertThat(duplicates.values()).allMatch(times -> times == 2);
        assertThat(duplicates.keySet()).as("what the frozen node wrote and never acknowledged is delivered again")
                .containsAll(dam.hanging());
        System.out.printf("Clustered feed: %d assets, a delivered %d, b %d, in flight on a at the stop %d, "
                          + "duplicates %d; %d ms%n", expected.size(), dam.count("node-a"), dam.count("node-b"),
                inFlightOnA.size(), duplicates.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    void aNewLeadersFirstPollCostsOnlyWhatIsNew() throws Exception {
        FeedNode a = node("node-a", 60_000);
        int total = everyMatchingAsset().size();
        await().atMost(20, TimeUnit.SECONDS).until(() -> dam.distinctIds().size() == total);
        FeedNode b = node("node-b", 60_000);
        addDragons(5); // newer than all others: page 1 of a createdAt:desc search

        a.close();
        await().atMost(30, TimeUnit.SECONDS).until(() -> dam.distinctIds().size() == total + 5);
        await().atMost(10, TimeUnit.SECONDS).until(() -> b.crawl().crawlsCompleted() == 1);
        CrawlSnapshot firstPoll = b.crawl();
        // page 1 holds the 5 new assets and 5 known ones: the catch-up stops there, or at page 2 at the latest
        assertThat(firstPoll.pageRequests()).isLessThanOrEqualTo(2);
        assertThat(dam.duplicates()).isEmpty();
    }
}
