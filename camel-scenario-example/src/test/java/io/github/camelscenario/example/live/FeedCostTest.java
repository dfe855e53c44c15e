package io.github.camelscenario.example.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Paging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's feed cost: with {@code onlyNew=true} and no sortBy the consumer catches up newest first and stops where
 * the idempotent repository already knows every hit of a segment, so a poll costs what is new; assets that become
 * visible late with an old createdAt are caught by the periodic full crawl ({@code fullCrawlInterval}).
 */
class FeedCostTest {

    /** Hits per segment of a crawl by default (limit 100 less the one-hit overlap). */
    static final int STEP = Paging.DEFAULT_CRAWL_HITS_PER_PAGE;

    @Test
    @Timeout(180)
    void aPollCostsOneRequestPlusOnePerStepOfNewAssets() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(20_000).start();
             Feed feed = new Feed(server, "onlyNew=true")) {
            Poll first = feed.poll();
            assertThat(first.delivered()).as("the first poll delivers the whole library once")
                    .hasSize(20_000).doesNotHaveDuplicates();

            Poll unchanged = feed.poll();
            assertThat(unchanged.delivered()).isEmpty();
            assertThat(unchanged.requests()).as("requests of a poll on an unchanged library").isEqualTo(1);

            for (int n : new int[] {5, 500}) {
                List<String> added = server.addAssets(n);
                Poll poll = feed.poll();
                assertThat(poll.delivered()).as("a poll after %d new assets delivers them once", n)
                        .containsExactlyInAnyOrderElementsOf(added);
                assertThat(poll.requests()).as("requests of a poll after %d new assets (at most ceil(%d / %d) + 1)", n, n,
                        STEP).isLessThanOrEqualTo((n + STEP - 1) / STEP + 1);
            }
            assertThat(feed.poll().requests()).as("requests of the next unchanged poll").isEqualTo(1);
        }
    }

    @Test
    @Timeout(120)
    void assetsVisibleLateWithAnOldCreatedAtAreCaughtByTheFullCrawl() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(3_000).start();
             Feed feed = new Feed(server, "onlyNew=true&fullCrawlInterval=1000")) {
            List<String> delivered = new ArrayList<>(feed.poll().delivered());
            assertThat(delivered).hasSize(3_000);
            // created long ago, visible only now (an index that lags, an import): deep in createdAt order
            String late = server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 1_500);
            List<String> fresh = server.addAssets(2);

            await("the late asset delivered by a full crawl within fullCrawlInterval").atMost(20, TimeUnit.SECONDS)
                    .pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
                        delivered.addAll(feed.poll().delivered());
                        return delivered.contains(late);
                    });
            assertThat(delivered).as("every asset once, whichever poll delivered it").doesNotHaveDuplicates()
                    .hasSize(3_003).containsAll(fresh);
        }
    }

    @Test
    @Timeout(120)
    void anExplicitSortByKeepsTheFullCrawl() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(2_000).start();
             Feed feed = new Feed(server, "onlyNew=true&sortBy=createdAt:desc&hitsPerPage=100")) {
            assertThat(feed.poll().delivered()).hasSize(2_000);
            String late = server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 1_000);
            Poll again = feed.poll();
            assertThat(again.delivered()).containsExactly(late);
            assertThat(again.requests()).as("a full walk of 2,001 hits").isGreaterThanOrEqualTo(21);
        }
    }

    @Test
    @Timeout(120)
    void deletingTheNewestAssetsBetweenPollsKeepsAPollWithNothingNewAtOneRequest() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(3_000).start();
             Feed feed = new Feed(server, "onlyNew=true")) {
            assertThat(feed.poll().delivered()).hasSize(3_000);
            for (int round = 1; round <= 3; round++) {
                List<String> added = server.addAssets(5);
                assertThat(feed.poll().delivered()).containsExactlyInAnyOrderElementsOf(added);
                // what was just delivered, and with it the feed's newest marks, is deleted before the next poll
                added.forEach(server::deleteAsset);
                assertThat(feed.poll().requests()).as("round %d: a poll with nothing new", round).isEqualTo(1);
            }
        }
    }

    /** What one poll delivered and the search requests it cost. */
    record Poll(List<String> delivered, long requests) {
    }

    /**
     * A consumer feed and its server. A poll's cost is the search requests the server counted since the previous
     * poll ended: read-ahead requests still arriving after a poll are charged to the next one, never lost.
     */
    private static final class Feed implements AutoCloseable {
        private final LocalScenarioServer server;
        private final Crawler crawler;
        private long requestsSeen;

        Feed(LocalScenarioServer server, String options) throws Exception {
            this.server = server;
            this.crawler = Crawler.consumer(server, options);
            this.requestsSeen = server.getSearchRequestCount();
        }

        Poll poll() throws Exception {
            List<String> delivered = crawler.crawl();
            long now = server.getSearchRequestCount();
            Poll poll = new Poll(delivered, now - requestsSeen);
            requestsSeen = now;
            return poll;
        }

        @Override
        public void close() throws Exception {
            crawler.close();
        }
    }
}
