package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl over the result pages of a search, hit by hit, with a window of pages requested ahead. No Camel in here: the
 * consumer and the producer's {@link SearchHitIterator} drive it, a test can drive it with a stub client.
 * <p>
 * Position: the crawl stands at (page, index): the next hit {@link #next()} hands out. It only moves forward, except
 * through {@link #rewindTo(int, int)}; a failed page leaves it where it was, so the next call asks for that page again.
 * <p>
 * Stop rules, whichever comes first: the last page known from the first answered page ({@code totalPages}, else
 * {@code totalHits}), a page after which {@link Paging#hasMoreAfter} says there is nothing more (empty page, short page
 * without totals), {@code maxResults} hits walked, or {@link Paging#MAX_PAGES}. The bound taken from the first answer is
 * never raised by later pages, so a server that keeps answering full pages cannot keep a crawl going.
 * <p>
 * Prefetch: once the last page is known, pages {@code n+1..n+window} are requested on the executor while page
 * {@code n}'s hits are handed out; hits still come out in page order. Memory holds at most {@code 1 + window} pages.
 * A page answered 429 after the client's own retries halves the window (down to 0) and is asked again; at window 0 a
 * 429 fails like any other error. After a run of successful pages the window grows back by one, up to the configured
 * size.
 * <p>
 * Threading: {@link #next()}, {@link #rewindTo} and the getters are called by one thread (the consumer's poll thread,
 * or the splitter's);
 * {@link #suspend()} may be called from another (route stop) and makes a blocked {@link #next()} return {@code null};
 * so may {@link #stop(String)}, which makes it throw {@link CrawlStoppedException} as soon as it needs a page.
 * <p>
 * Bounded waits: a page wait ends with the page, an error, {@code null} (suspended) or {@link CrawlStoppedException}.
 * A request its pool will never run (rejected, dropped by a caller-runs policy of a pool shut down, or drained by
 * {@code shutdownNow}) ends the wait once that pool is shut down or terminated.
 */
public final class PageCrawl {

    private static final Logger LOG = LoggerFactory.getLogger(PageCrawl.class);

    /** Successful pages in a row after which a shrunken window grows back by one page. */
    static final int GROW_AFTER_PAGES = 8;

    /** How often a page wait looks whether the pool that should run the request has ended. */
    static final long POOL_CHECK_MILLIS = 200;

    /** One hit and where it came from. */
    public record Hit(Asset asset, int page, int index, Long totalHits) {
    }

    private volatile ScenarioClient client;
    private final SearchRequest template;
    private final int hitsPerPage;
    private final int firstPage;
    private final long maxResults;
    private final int configuredWindow;
    private final long rateLimitPauseMillis;

    private volatile ExecutorService executor;
    private volatile boolean suspended;
    /** Why the crawl was stopped for good; {@code null} while it may go on. */
    private volatile String stoppedReason;

    // position
    private int page;
    private int index;
    private SearchPage current;
    private boolean currentHasMore;
    private boolean complete;

    // learnt from the first answered page
    private Integer lastPage;
    private boolean totalsKnown;
    private Long totalHits;
    /** The largest totalHits any page of this crawl told: the bound must never shrink below hits still to come. */
    private long maxTotalHits = -1;
    /** The paging fields of the first page answered, without its hits (the producer's headers). */
    private SearchPage firstTotals;

    // the window: pages requested ahead, by page number; guarded by itself, and so are the suspend/stop flags' writes:
    // "suspended or stopped => nothing in flight" holds under this lock
    private final TreeMap<Integer, PageRequest> inFlight = new TreeMap<>();
    private volatile PageRequest awaited;
    private int window;
    private int successesInARow;
    private int requests;

    /**
     * @param executor             runs the page requests; {@code null} to request each page in the calling thread
     *                             (no prefetch whatever {@code prefetchPages} says)
     * @param rateLimitPauseMillis wait before asking again for a page answered 429
     */
    public PageCrawl(ScenarioClient client, SearchRequest template, long maxResults, int prefetchPages,
              ExecutorService executor, long rateLimitPauseMillis) {
        this.client = client;
        this.template = template.copy();
        this.hitsPerPage = Paging.crawlHitsPerPage(template);
        this.firstPage = Paging.firstPage(template);
        this.maxResults = maxResults;
        this.configuredWindow = executor == null ? 0 : prefetchPages;
        this.window = configuredWindow;
        this.executor = executor;
        this.rateLimitPauseMillis = rateLimitPauseMillis;
        this.page = firstPage;
    }

    /**
     * The next hit, in page order, fetching pages as needed.
     *
     * @return                     the hit, or {@code null} when the crawl is complete ({@link #isComplete()}) or was
     *                             suspended meanwhile
     * @throws IOException         when a page cannot be fetched (after the client's retries); the position stays at
     *                             that page
     * @throws ScenarioApiException when the API answers a page with an error
     * @throws CrawlStoppedException when a page is still to come after {@link #stop(String)} (hits of the page in hand
     *                               are still handed out), or when the pool that should run its request shut down
     */
    public Hit next() throws IOException {
        while (!suspended) {
            if (complete) {
                return null;
            }
            if (maxResults > 0 && walked() >= maxResults || lastPage != null && page > lastPage) {
                finish();
                return null;
            }
            if (current == null) {
                current = load(page);
                if (current == null) {
                    return null; // suspended while waiting
                }
            }
            if (index < current.getHits().size()) {
                Asset asset = current.getHits().get(index);
                Hit hit = new Hit(asset, page, index, totalHits);
                index++;
                return hit;
            }
            if (!currentHasMore) {
                finish();
                return null;
            }
            page++;
            index = 0;
            current = null;
        }
        return null;
    }

    private void finish() {
        complete = true;
        current = null;
        cancelWindow();
    }

    private SearchPage load(int n) throws IOException {
        while (true) {
            throwIfStopped(n);
            PageRequest future;
            synchronized (inFlight) {
                future = inFlight.remove(n);
            }
            if (future == null) {
                future = request(n);
            }
            topUp(n);
            SearchPage answer;
            try {
                answer = await(future);
            } catch (CancellationException e) {
                throwIfStopped(n);
                if (suspended) {
                    return null;
                }
                if (future.pool != null && future.pool != executor) {
                    continue; // left from a pool that resume() replaced: ask the new one
                }
                if (future.pool != null && future.pool.isShutdown()) {
                    throw new CrawlStoppedException(n, "the pool that runs its page requests was shut down");
                }
                continue; // cancelled by a window shrink: ask again
            } catch (ExecutionException e) {
                throwIfStopped(n); // e.g. the stop interrupted the request: report the stop
                Throwable cause = e.getCause();
                if (cause instanceof ScenarioApiException api && api.getStatusCode() == 429 && window > 0) {
                    shrinkWindow(n);
                    pause();
                    continue;
                }
                cancelWindow();
                successesInARow = 0;
                throw rethrow(cause);
            }
            onAnswer(n, answer);
            return answer;
        }
    }

    private SearchPage await(PageRequest future) throws ExecutionException, IOException {
        awaited = future;
        try {
            if (suspended || stoppedReason != null) {
                future.cancel(true);
            }
            while (true) {
                try {
                    return future.get(POOL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    ExecutorService pool = future.pool;
                    if (pool != null && pool.isTerminated()) {
                        // the pool ended without running it (drained by shutdownNow, or dropped): no one ever will
                        future.cancel(false);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new InterruptedIOException("Interrupted while waiting for a Scenario result page");
        } finally {
            awaited = null;
        }
    }

    private void onAnswer(int n, SearchPage answer) {
        if (lastPage == null) {
            learnBounds(answer);
            firstTotals = totalsOf(answer);
        }
        if (answer.getTotalHits() != null) {
            totalHits = answer.getTotalHits();
            maxTotalHits = Math.max(maxTotalHits, totalHits);
        }
        currentHasMore = Paging.hasMoreAfter(answer, n, hitsPerPage) && (lastPage == null || n < lastPage);
        if (window < configuredWindow && ++successesInARow >= GROW_AFTER_PAGES) {
            window++;
            successesInARow = 0;
            LOG.debug("Scenario prefetch window grows back to {} page(s)", window);
        }
        // the bounds may just have become known: fill the window now, before the hits are handed out
        topUp(n);
    }

    private void learnBounds(SearchPage answer) {
        long last = Paging.MAX_PAGES;
        if (answer.getTotalPages() != null) {
            totalsKnown = true;
            last = Math.min(last, answer.getTotalPages());
        } else if (answer.getTotalHits() != null) {
            totalsKnown = true;
            last = Math.min(last, ceilDiv(answer.getTotalHits(), hitsPerPage));
        }
        if (maxResults > 0) {
            last = Math.min(last, firstPage - 1 + ceilDiv(maxResults, hitsPerPage));
        }
        // without totals only a full page says more may follow: then pages are asked one after another
        lastPage = (int) Math.max(last, 0);
        LOG.debug("Scenario crawl bounded at page {} (totalPages={}, totalHits={}, maxResults={})", lastPage,
                answer.getTotalPages(), answer.getTotalHits(), maxResults);
    }

    private PageRequest request(int n) {
        SearchRequest request = Paging.pageRequest(template, n, hitsPerPage);
        requests++;
        ScenarioClient c = client;
        ExecutorService ex = executor;
        PageRequest task = new PageRequest(() -> c.search(request), ex);
        if (ex == null) {
            task.run();
        } else {
            try {
                ex.execute(task);
            } catch (RejectedExecutionException e) {
                if (ex.isShutdown()) {
                    // no pool will run it: its wait ends at once (stopped, or asked again from a pool resume() gave)
                    task.cancel(false);
                } else {
                    task.run(); // the pool is full: answer in this thread rather than not at all
                }
            }
        }
        return task;
    }

    /** A page request, and the pool that should run it ({@code null}: ran in the calling thread). */
    private static final class PageRequest extends FutureTask<SearchPage> {
        final ExecutorService pool;

        PageRequest(Callable<SearchPage> call, ExecutorService pool) {
            super(call);
            this.pool = pool;
        }
    }

    private void throwIfStopped(int n) {
        String reason = stoppedReason;
        if (reason != null) {
            throw new CrawlStoppedException(n, reason);
        }
    }

    /** Requests pages {@code n+1..n+window} not yet requested, never past the last page. */
    private void topUp(int n) {
        if (!totalsKnown || window <= 0) {
            return;
        }
        int until = Math.min(n + window, lastPage);
        synchronized (inFlight) {
            // checked under the lock suspend() and stop() cancel the window under, so that no request they did not see
            // is added after them
            if (suspended || stoppedReason != null || executor == null) {
                return;
            }
            for (int k = n + 1; k <= until; k++) {
                if (!inFlight.containsKey(k)) {
                    inFlight.put(k, request(k));
                }
            }
        }
    }

    private void shrinkWindow(int n) {
        int before = window;
        window = window / 2;
        successesInARow = 0;
        synchronized (inFlight) {
            Iterator<Map.Entry<Integer, PageRequest>> it = inFlight.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, PageRequest> e = it.next();
                if (e.getKey() > n + window) {
                    e.getValue().cancel(true);
                    it.remove();
                }
            }
        }
        LOG.warn("Scenario answered page {} with 429 (rate limited) after retries: prefetch window {} -> {} page(s), "
                 + "asking again", n, before, window);
    }

    private void pause() throws InterruptedIOException {
        if (rateLimitPauseMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(rateLimitPauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while slowing down after a 429");
        }
    }

    private void cancelWindow() {
        synchronized (inFlight) {
            inFlight.values().forEach(f -> f.cancel(true));
            inFlight.clear();
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    private static SearchPage totalsOf(SearchPage answer) {
        SearchPage t = new SearchPage();
        t.setPage(answer.getPage());
        t.setHitsPerPage(answer.getHitsPerPage());
        t.setTotalHits(answer.getTotalHits());
        t.setTotalPages(answer.getTotalPages());
        t.setEstimatedTotalHits(answer.getEstimatedTotalHits());
        t.setOffset(answer.getOffset());
        t.setLimit(answer.getLimit());
        return t;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Moves the position back to (page, index) if that is before it (or the crawl is complete). Pages requested ahead
     * are dropped, so memory stays bounded; the bounds learnt from the first page are kept.
     */
    public void rewindTo(int toPage, int toIndex) {
        if (!complete && (toPage > page || toPage == page && toIndex >= index)) {
            return;
        }
        if (toPage != page || current == null) {
            current = null;
        }
        page = toPage;
        index = toIndex;
        complete = false;
        cancelWindow();
    }

    /** Cancels the requests in flight (route stop or suspend); a blocked {@link #next()} returns {@code null}. */
    public void suspend() {
        synchronized (inFlight) {
            suspended = true;
            cancelAwaitedAndWindow();
        }
    }

    /**
     * Carries on from the same position after {@link #suspend()}, with the (new) client and executor. Requests left
     * from the old pool are dropped: it may never run them.
     */
    public void resume(ScenarioClient newClient, ExecutorService newExecutor) {
        synchronized (inFlight) {
            cancelAwaitedAndWindow();
            this.client = newClient;
            this.executor = configuredWindow > 0 ? newExecutor : null;
            suspended = false;
        }
    }

    /**
     * Stops the crawl for good (its owner stops): requests in flight are cancelled, nothing more is requested, and a
     * {@link #next()} waiting for a page, or needing one later, throws {@link CrawlStoppedException} naming the page
     * and {@code reason}.
     *
     * @param reason who stopped it, for the error; must not hold credentials
     */
    public void stop(String reason) {
        synchronized (inFlight) {
            if (stoppedReason == null) {
                stoppedReason = reason;
            }
            cancelAwaitedAndWindow();
        }
    }

    /** Whether {@link #stop(String)} was called. */
    public boolean isStopped() {
        return stoppedReason != null;
    }

    private void cancelAwaitedAndWindow() {
        Future<SearchPage> f = awaited;
        if (f != null) {
            f.cancel(true);
        }
        cancelWindow();
    }

    /** Whether every hit has been handed out. */
    public boolean isComplete() {
        return complete;
    }

    /** Hits walked so far (handed out, whatever the caller did with them). */
    public long walked() {
        return (long) (page - firstPage) * hitsPerPage + index;
    }

    /** The most hits still to come, from the totals and the caps; {@code Long.MAX_VALUE} when nothing bounds it. */
    public long remainingUpperBound() {
        if (complete) {
            return 0;
        }
        long end = Long.MAX_VALUE;
        if (lastPage != null) {
            end = (long) (lastPage - firstPage + 1) * hitsPerPage;
        }
        if (maxTotalHits >= 0) {
            end = Math.min(end, maxTotalHits - (long) (firstPage - 1) * hitsPerPage);
        }
        if (maxResults > 0) {
            end = Math.min(end, maxResults);
        }
        return end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, end - walked());
    }

    /** The paging fields (totals, page, hitsPerPage) of the first page answered, without hits; {@code null} before. */
    public SearchPage getFirstTotals() {
        return firstTotals;
    }

    public int getPage() {
        return page;
    }

    public int getIndex() {
        return index;
    }

    /** The prefetch window now (smaller than configured after a 429). */
    public int getWindow() {
        return window;
    }

    /** Page requests sent so far (each counted once, whatever the client's own retries). */
    public int getRequests() {
        return requests;
    }

    public int getPagesInFlight() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }
}
