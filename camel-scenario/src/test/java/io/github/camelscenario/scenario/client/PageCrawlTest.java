package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The crawl and its prefetch window, without Camel: a scripted client answers pages and records what was asked. */
class PageCrawlTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    /** Answers {@code pages} pages of {@code perPage} hits with ids p{page}-{i}; a page may be scripted to fail. */
    static final class ScriptedClient implements ScenarioClient {
        final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        final Map<Integer, Integer> failureStatus = new ConcurrentHashMap<>();
        final int pages;
        final int perPage;
        final boolean totals;
        volatile CountDownLatch gate;
        volatile int gatedPage = -1;

        ScriptedClient(int pages, int perPage, boolean totals) {
            this.pages = pages;
            this.perPage = perPage;
            this.totals = totals;
        }

        /** The next {@code times} requests for {@code page} fail with {@code status} (0: an IOException). */
        ScriptedClient failing(int page, int times, int status) {
            failuresLeft.put(page, new AtomicInteger(times));
            failureStatus.put(page, status);
            return this;
        }

        @Override
        public SearchPage search(SearchRequest request) throws IOException {
            int page = request.getPage();
            asked.add(page);
            if (page == gatedPage) {
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            AtomicInteger left = failuresLeft.get(page);
            if (left != null && left.getAndDecrement() > 0) {
                int status = failureStatus.get(page);
                if (status == 0) {
                    throw new IOException("connection reset");
                }
                throw new ScenarioApiException(status, "scripted", null, null, 4, true);
            }
            SearchPage answer = new SearchPage();
            List<Asset> hits = new ArrayList<>();
            // a misbehaving server: every page is full, whatever the totals say
            for (int i = 0; i < perPage; i++) {
                Asset a = new Asset();
                a.setId("p" + page + "-" + i);
                hits.add(a);
            }
            answer.setHits(hits);
            answer.setPage(page);
            if (totals) {
                answer.setTotalPages(pages);
                answer.setTotalHits((long) pages * perPage);
            }
            return answer;
        }
    }

    private static SearchRequest search(int hitsPerPage) {
        return new SearchRequest().setQuery("dragon").setHitsPerPage(hitsPerPage);
    }

    private static List<String> drain(PageCrawl crawl) throws IOException {
        List<String> ids = new ArrayList<>();
        for (PageCrawl.Hit hit = crawl.next(); hit != null; hit = crawl.next()) {
            ids.add(hit.asset().getId());
        }
        return ids;
    }

    private static List<String> expectedIds(int pages, int perPage) {
        List<String> ids = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            for (int i = 0; i < perPage; i++) {
                ids.add("p" + p + "-" + i);
            }
        }
        return ids;
    }

    @Test
    void theWindowAsksTheNextPagesAsSoonAsPageOneToldTheTotalAndNeverPastIt() throws Exception {
        ScriptedClient client = new ScriptedClient(5, 2, true);
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
        // every page once, none past totalPages, though each page was full
        assertThat(client.asked).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void withoutAnExecutorPagesAreAskedOneAfterAnother() throws Exception {
        ScriptedClient client = new ScriptedClient(3, 2, true);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, null, 0);
        crawl.next();
        assertThat(crawl.getRequests()).isEqualTo(1);
        assertThat(drain(crawl)).hasSize(5);
        assertThat(client.asked).containsExactly(1, 2, 3);
    }

    @Test
    void hitsComeOutInPageOrderWhateverOrderPagesArrive() throws Exception {
        ScriptedClient client = new ScriptedClient(6, 3, true);
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
        ScriptedClient client = new ScriptedClient(6, 2, true).failing(3, 2, 429);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 2, executor, 1);
        assertThat(drain(crawl)).containsExactlyElementsOf(expectedIds(6, 2));
        // 2 -> 1 -> 0 pages ahead; fewer than GROW_AFTER_PAGES pages followed, so it did not grow back yet
        assertThat(crawl.getWindow()).isZero();
        assertThat(client.asked.stream().filter(p -> p == 3)).hasSize(3);
    }

    @Test
    void aRateLimitWithNoWindowLeftFailsAndTheCrawlStaysAtThatPage() throws Exception {
        ScriptedClient client = new ScriptedClient(3, 2, true).failing(2, 1, 429);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 0, null, 0);
        crawl.next();
        crawl.next();
        assertThatThrownBy(crawl::next).isInstanceOf(ScenarioApiException.class).hasMessageContaining("429");
        assertThat(crawl.getPage()).isEqualTo(2);
        assertThat(crawl.getIndex()).isZero();
        assertThat(crawl.isComplete()).isFalse();
        // the next call asks page 2 again and goes on
        assertThat(drain(crawl)).containsExactly("p2-0", "p2-1", "p3-0", "p3-1");
    }

    @Test
    void anIoFailureDropsTheWindowAndKeepsThePosition() throws Exception {
        ScriptedClient client = new ScriptedClient(4, 2, true).failing(2, 1, 0);
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
        ScriptedClient client = new ScriptedClient(Integer.MAX_VALUE, 10, false);
        PageCrawl crawl = new PageCrawl(client, search(10), 25, 2, executor, 0);
        assertThat(drain(crawl)).hasSize(25);
        // no totals: nothing asked ahead, and no page past what 25 hits need
        assertThat(client.asked).containsExactly(1, 2, 3);
        assertThat(crawl.remainingUpperBound()).isZero();
    }

    @Test
    void maxResultsAlsoBoundsTheWindow() throws Exception {
        ScriptedClient client = new ScriptedClient(100, 10, true);
        PageCrawl crawl = new PageCrawl(client, search(10), 25, 4, executor, 0);
        assertThat(drain(crawl)).hasSize(25);
        assertThat(client.asked).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void rewindGoesBackAndForwardPositionsAreIgnored() throws Exception {
        ScriptedClient client = new ScriptedClient(3, 2, true);
        PageCrawl crawl = new PageCrawl(client, search(2), 0, 0, null, 0);
        assertThat(drain(crawl)).hasSize(6);
        crawl.rewindTo(2, 1);
        assertThat(crawl.isComplete()).isFalse();
        crawl.rewindTo(3, 0); // ahead of the position: ignored
        assertThat(drain(crawl)).containsExactly("p2-1", "p3-0", "p3-1");
    }

    @Test
    void suspendReleasesACallWaitingForAPage() throws Exception {
        ScriptedClient client = new ScriptedClient(3, 2, true);
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
}
