package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The crawl and its read-ahead window, without Camel: an index in memory answers reads and records what was asked. */
class PageCrawlTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private static SearchRequest search(int hitsPerPage) {
        return new SearchRequest().setQuery("dragon").setFilter("dragon filter").setHitsPerPage(hitsPerPage);
    }

    private static List<String> drain(PageCrawl crawl) throws IOException {
        List<String> ids = new ArrayList<>();
        for (PageCrawl.Hit hit = crawl.next(); hit != null; hit = crawl.next()) {
            ids.add(hit.asset().getId());
        }
        return ids;
    }

    private static List<String> expectedIds(int pages, int perPage) {
        return FakeIndex.idsOf(pages, perPage);
    }

    @Test
    void theWindowAsksTheNextPagesAsSoonAsPageOneToldTheTotalAndNeverPastIt() throws Exception {
        FakeIndex client = FakeIndex.pages(5, 2);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, executor, 0);

        PageCrawl.Hit first = crawl.next();
        assertThat(first.asset().getId()).isEqualTo("p1-0");
        // page 1 is being handed out; pages 2 and 3 are already asked, page 4 not yet
        assertThat(crawl.getRequests()).isEqualTo(3);
        assertThat(crawl.getPagesInFlight()).isEqualTo(2);
        await().atMost(2, TimeUnit.SECONDS).until(() -> client.asked.size() == 3);
        assertThat(client.asked).containsExactlyInAnyOrder(1, 2, 3);

        crawl.next(); // p1-1
        crawl.next(); // p2-0: page 2 taken from the window, page 4 asked
        assertThat(crawl.getRequests()).isEqualTo(4);

        List<String> rest = drain(crawl);
        assertThat(rest).hasSize(7);
        assertThat(crawl.isComplete()).isTrue();
        // every page once, none past totalPages, though each page was full; then one request past the engine's
        // possible paging cap (keyset continuation from the last hit), which brings nothing new: the end
        assertThat(client.asked).hasSize(6);
        assertThat(client.asked.subList(0, 5)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        SearchRequest probe = client.requests.get(5);
        assertThat(probe.getFilter()).matches("\\(dragon filter\\) AND createdAt <= \"[^\"]+\"");
        assertThat(probe.getPage()).isOne();
        assertThat(probe.getHitsPerPage()).isEqualTo(2 + PageCrawl.OVERLAP);
    }

    @Test
    void withoutAnExecutorPagesAreAskedOneAfterAnother() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 2);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, null, 0);
        crawl.next();
        assertThat(crawl.getRequests()).isEqualTo(1);
        assertThat(drain(crawl)).hasSize(5);
        assertThat(client.asked).containsExactly(1, 2, 3, 1);
    }

    @Test
    void hitsComeOutInPageOrderWhateverOrderPagesArrive() throws Exception {
        FakeIndex client = FakeIndex.pages(6, 3);
        // page 2 answers last: pages 3 and 4 are in before it
        client.gatedPage = 2;
        client.gate = new CountDownLatch(1);
        PageCrawl crawl = new PageCrawl(client, search(3), 0, 3, executor, 0);
        crawl.next();
        await().atMost(2, TimeUnit.SECONDS).until(() -> client.asked.containsAll(List.of(2, 3, 4)));
        client.gate.countDown();
        List<String> ids = new ArrayList<>(List.of("p1-0"));
        ids.addAll(drain(crawl));
        assertThat(ids).containsExactlyElementsOf(expectedIds(6, 3));
    }

    @Test
    void aRateLimitedPageShrinksTheWindowAndIsAskedAgain() throws Exception {
        FakeIndex client = FakeIndex.pages(6, 2).failing(3, 2, 429);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, executor, 1);
        assertThat(drain(crawl)).containsExactlyElementsOf(expectedIds(6, 2));
        // 2 -> 1 -> 0 pages ahead; fewer than GROW_AFTER_READS reads followed, so it did not grow back yet
        assertThat(crawl.getWindow()).isZero();
        assertThat(client.asked.stream().filter(p -> p == 3)).hasSize(3);
    }

    @Test
    void aRateLimitWithNoWindowLeftFailsAndTheCrawlStaysAtThatPage() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 2).failing(2, 1, 429);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 0, null, 0);
        crawl.next();
        crawl.next();
        assertThatThrownBy(crawl::next).isInstanceOf(ScenarioApiException.class).hasMessageContaining("429");
        assertThat(crawl.getPage()).isEqualTo(2);
        assertThat(crawl.position()).isEqualTo(2);
        assertThat(crawl.isComplete()).isFalse();
        // the next call asks page 2 again and goes on
        assertThat(drain(crawl)).containsExactly("p2-0", "p2-1", "p3-0", "p3-1");
    }

    @Test
    void anIoFailureDropsTheWindowAndKeepsThePosition() throws Exception {
        FakeIndex client = FakeIndex.pages(4, 2).failing(2, 1, 0);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, executor, 0);
        crawl.next();
        crawl.next();
        assertThatThrownBy(crawl::next).isInstanceOf(IOException.class).hasMessageContaining("connection reset");
        assertThat(crawl.getPagesInFlight()).isZero();
        assertThat(crawl.getPage()).isEqualTo(2);
        assertThat(drain(crawl)).containsExactly("p2-0", "p2-1", "p3-0", "p3-1", "p4-0", "p4-1");
    }

    @Test
    void withoutTotalsMaxResultsStopsAServerThatNeverEnds() throws Exception {
        FakeIndex client = new FakeIndex(10).runaway(Long.MAX_VALUE).withoutTotals();
        PageCrawl crawl = new PageCrawl(client, search(10), 25, 2, executor, 0);
        assertThat(drain(crawl)).hasSize(25);
        // no totals: nothing asked ahead, and no page past what 25 hits need
        assertThat(client.asked).containsExactly(1, 2, 3);
        assertThat(crawl.isComplete()).isTrue();
    }

    @Test
    void maxResultsAlsoBoundsTheWindow() throws Exception {
        FakeIndex client = FakeIndex.pages(100, 10);
        PageCrawl crawl = new PageCrawl(client, search(10), 25, 4, executor, 0);
        assertThat(drain(crawl)).hasSize(25);
        assertThat(client.asked).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void suspendReleasesACallWaitingForAPage() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 2);
        client.gatedPage = 2;
        client.gate = new CountDownLatch(1);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 1, executor, 0);
        crawl.next();
        crawl.next();
        Future<PageCrawl.Hit> waiting = Executors.newSingleThreadExecutor().submit(crawl::next);
        await().atMost(2, TimeUnit.SECONDS).until(() -> client.asked.contains(2));
        crawl.suspend();
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isNull();
        assertThat(crawl.isComplete()).isFalse();
        client.gate.countDown();
        crawl.resume(client, executor);
        assertThat(drain(crawl)).containsExactly("p2-0", "p2-1", "p3-0", "p3-1");
    }

    @Test
    void everyReadAfterTheFirstRepeatsTheLastHitsOfTheOneBefore() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 5);
        List<SearchRequest> sent = new ArrayList<>();
        PageCrawl crawl = new PageCrawl(request -> {
            sent.add(request);
            return client.search(request);
        }, search(5), 0, 0, null, 0);
        assertThat(drain(crawl)).containsExactlyElementsOf(expectedIds(3, 5));
        // page 1 by page (exact totals), then 4 hits back from each anchor, 5 new ones
        assertThat(sent.get(0).getPage()).isEqualTo(1);
        assertThat(sent.get(0).getHitsPerPage()).isEqualTo(5);
        assertThat(sent.subList(1, 3)).extracting(SearchRequest::getOffset, SearchRequest::getLimit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 9), org.assertj.core.groups.Tuple.tuple(6, 9));
        // a crawl whose search sets no order walks the newest first
        assertThat(sent).allSatisfy(r -> assertThat(r.getSortBy()).containsExactly("createdAt:desc"));
    }

    @Test
    void totalsThatGrowDuringTheCrawlExtendItUpToTheCap() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 5);
        // each read answered adds an asset at the end: the crawl follows the growing total
        int[] added = { 0 };
        client.beforeAnswer(index -> index.insert(index.size(), "late" + added[0]++));
        PageCrawl crawl = new PageCrawl(client, search(5), 0, 0, null, 0);
        List<String> ids = drain(crawl);
        assertThat(ids).startsWith(expectedIds(3, 5).toArray(new String[0])).contains("late0", "late1", "late2");
    }

    @Test
    void aServerWhoseTotalsRunAwayIsStoppedAtTwiceTheFirstTotalPlusARead() throws Exception {
        // the first read claims 30 hits, every later one 100 more
        long[] claimed = { 30 };
        FakeIndex client = new FakeIndex(10).beforeAnswer(index -> {
            index.runaway(claimed[0]);
            claimed[0] += 100;
        });
        PageCrawl crawl = new PageCrawl(client, search(10), 0, 2, executor, 0);
        assertThat(drain(crawl)).hasSize(2 * 30 + 10);
    }

    @Test
    void aCatchUpCrawlEndsAfterTheReadHoldingTheAssetWhereACompleteCrawlStarted() throws Exception {
        FakeIndex client = FakeIndex.pages(20, 10);
        // 23 assets arrived since the last complete crawl, which started at the 24th from the top
        String caughtUpAt = expectedIds(20, 10).get(23);
        PageCrawl crawl = new PageCrawl(client, search(10), 0, 4, executor, 0, a -> a.getId().equals(caughtUpAt));
        List<String> ids = drain(crawl);
        // that asset is on page 3: three reads, one at a time, and the rest of its read as a look-back
        assertThat(client.asked).containsExactly(1, 2, 3);
        assertThat(ids).containsExactlyElementsOf(expectedIds(20, 10).subList(0, 30));

        FakeIndex unchanged = FakeIndex.pages(20, 10);
        String newest = expectedIds(20, 10).get(0);
        PageCrawl feed = new PageCrawl(unchanged, search(10), 0, 4, executor, 0, a -> a.getId().equals(newest));
        assertThat(drain(feed)).hasSize(10);
        assertThat(unchanged.asked).containsExactly(1);
    }
}
