package io.github.camelscenario.scenario.client;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every page wait ends: with the page, an error, or a clear "stopped"; and a suspended crawl has nothing in flight. */
@Timeout(20)
class PageCrawlStopTest {

    private final ExecutorService walker = Executors.newSingleThreadExecutor();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void shutdown() {
        walker.shutdownNow();
        executor.shutdownNow();
    }

    private static SearchRequest search() {
        return new SearchRequest().setQuery("dragon").setHitsPerPage(2);
    }

    @Test
    void aWaitEndsWhenThePoolEndsWithoutRunningTheRequest() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 2);
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch blocker = new CountDownLatch(1);
        single.execute(() -> {
            try {
                blocker.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PageCrawl crawl = new PageCrawl(client, search(), 0, 1, single, 0);
        Future<PageCrawl.Hit> waiting = walker.submit(crawl::next);
        // page 1's request waits in the queue behind the blocker; shutdownNow takes it off the queue
        await().atMost(5, TimeUnit.SECONDS).until(() -> crawl.getRequests() == 1);
        single.shutdownNow();

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CrawlStoppedException.class)
                .hasMessage("Scenario crawl stopped before page 1 was answered: the pool that runs its page requests "
                            + "was shut down");
        assertThat(client.asked).isEmpty();
    }

    @Test
    void aRequestAShutDownPoolDropsSilentlyEndsTheWaitToo() throws Exception {
        // as Camel's CallerRuns policy does with a task sent to a pool that is shut down
        ThreadPoolExecutor dropping = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
        dropping.shutdown();
        PageCrawl crawl = new PageCrawl(FakeIndex.pages(3, 2), search(), 0, 1, dropping, 0);

        assertThatThrownBy(() -> walker.submit(crawl::next).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CrawlStoppedException.class);
    }

    @Test
    void stopEndsAWaitForAPageInFlightAndNothingMoreIsAsked() throws Exception {
        FakeIndex client = FakeIndex.pages(6, 2);
        client.gatedPage = 2;
        client.gate = new CountDownLatch(1);
        PageCrawl crawl = new PageCrawl(client, search(), 0, 1, executor, 0);
        crawl.next();
        crawl.next();
        Future<PageCrawl.Hit> waiting = walker.submit(crawl::next);
        // page 2 awaited, page 3 asked ahead of it
        await().atMost(5, TimeUnit.SECONDS).until(() -> client.asked.size() == 3);

        crawl.stop("its owner stopped");
        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CrawlStoppedException.class)
                .hasMessage("Scenario crawl stopped before page 2 was answered: its owner stopped");
        assertThat(crawl.isStopped()).isTrue();
        client.gate.countDown();
        assertThatThrownBy(crawl::next).isInstanceOf(CrawlStoppedException.class).hasMessageContaining("page 2");
        assertThat(client.asked).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(crawl.getPagesInFlight()).isZero();
    }

    @Test
    void stopStillHandsOutTheHitsOfThePageInHand() throws Exception {
        FakeIndex client = FakeIndex.pages(3, 2);
        PageCrawl crawl = new PageCrawl(client, search(), 0, 0, null, 0);
        assertThat(crawl.next().asset().getId()).isEqualTo("p1-0");
        crawl.stop("its owner stopped");
        assertThat(crawl.next().asset().getId()).isEqualTo("p1-1");
        assertThatThrownBy(crawl::next).isInstanceOf(CrawlStoppedException.class).hasMessageContaining("page 2");
        assertThat(client.asked).containsExactly(1);
    }

    /**
     * The window top-up that learnt the bounds from page 1 has checked that the crawl is not suspended and waits for
     * the window's lock; suspend() runs meanwhile. Without the check under the lock, the top-up then sends pages 2..4 that
     * nothing cancels, and a resume() could wait on them though their pool is gone.
     */
    @Test
    void suspendWinsOverAWindowTopUpRacingIt() throws Exception {
        FakeIndex client = FakeIndex.pages(10, 2);
        client.gatedPage = 1;
        client.gate = new CountDownLatch(1);
        PageCrawl crawl = new PageCrawl(client, search(), 0, 3, executor, 0);
        Object windowLock = windowLock(crawl);
        AtomicReference<Thread> walkerThread = new AtomicReference<>();
        Future<PageCrawl.Hit> first = walker.submit(() -> {
            walkerThread.set(Thread.currentThread());
            return crawl.next();
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> client.asked.contains(1));

        synchronized (windowLock) {
            client.gate.countDown();
            // page 1 answered: the walker learns the bounds and tops the window up, which needs the lock held here
            await().atMost(5, TimeUnit.SECONDS).until(() -> walkerThread.get().getState() == Thread.State.BLOCKED);
            crawl.suspend();
        }
        first.get(5, TimeUnit.SECONDS);

        assertThat(crawl.getPagesInFlight()).isZero();
        assertThat(client.asked).containsExactly(1);
    }

    @Test
    void aCrawlResumedOnANewPoolGoesOnAfterTheOldOneWasShutDown() throws Exception {
        FakeIndex client = FakeIndex.pages(5, 2);
        ExecutorService old = Executors.newFixedThreadPool(2);
        PageCrawl crawl = new PageCrawl(client, search(), 0, 2, old, 0);
        crawl.next();
        crawl.suspend();
        old.shutdownNow();
        crawl.resume(client, executor);
        int rest = 0;
        for (PageCrawl.Hit hit = crawl.next(); hit != null; hit = crawl.next()) {
            rest++;
        }
        assertThat(rest).isEqualTo(9);
        assertThat(crawl.isComplete()).isTrue();
    }

    private static Object windowLock(PageCrawl crawl) throws ReflectiveOperationException {
        Field reads = PageCrawl.class.getDeclaredField("reads");
        reads.setAccessible(true);
        Field inFlight = ReadAhead.class.getDeclaredField("inFlight");
        inFlight.setAccessible(true);
        return inFlight.get(reads.get(crawl));
    }
}
