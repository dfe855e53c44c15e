package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;

/**
 * Every hit of every page of a search, fetched lazily, as an {@link Iterator} a splitter in streaming mode can walk. It
 * walks a {@link PageCrawl}: with {@code prefetchPages} and an executor, that many reads are requested ahead of the one
 * being walked, still handed out in order, at most {@code 1 + prefetchPages} reads in memory; without, the next read is
 * asked only when this one is used up. It stops at the end of the results (past the engine's paging cap, in keyset
 * windows), or after {@code maxResults} hits, and hands out each asset that stays in the library during the walk
 * exactly once.
 * <p>
 * Failure: a page that cannot be fetched makes {@link #hasNext()} answer {@code true} and the following
 * {@link #next()} throw the error ({@link UncheckedIOException} around an {@link IOException},
 * {@link ScenarioApiException}, or {@link CrawlStoppedException}); after it {@code hasNext()} is {@code false} and
 * nothing more is requested (a splitter walks what is left to release it: that walk fetches nothing). Once closed (the
 * splitter closes it when done), a new walk of the same iterator (a redelivery of the splitter, which evaluates the
 * same body) goes on with the page that failed: no hit is handed out twice and none is skipped.
 * <p>
 * An iterator closed before its end for another reason (a splitter's timeout) fetches nothing more and never pretends
 * to be used up: {@link #hasNext()} answers {@code true} and {@link #next()} throws {@link IllegalStateException}, so
 * that no exchange completes as if the export were whole. {@link #stop(String)} (the producer stopping) makes the next
 * page end in {@link CrawlStoppedException}.
 */
public final class SearchHitIterator implements Iterator<Asset>, Closeable {

    private final PageCrawl crawl;
    private final ScenarioClient client;
    private final ExecutorService executor;
    private PageCrawl.Hit next;
    /** The page fetch that failed: {@link #hasNext()} said {@code true}, {@link #next()} throws it. */
    private RuntimeException failure;
    /** A failure was thrown: nothing more until closed; then a new walk goes on with the page that failed. */
    private boolean failedBefore;
    /** Closed after its failure: the next {@link #hasNext()} asks the page that failed again. */
    private boolean resumable;
    /** Used up: nothing more to hand out. */
    private volatile boolean ended;
    /** Closed before its end, not after a failure of its own: it can never go on. */
    private volatile boolean closedEarly;

    /** Strictly lazy: one request at a time, in the calling thread. */
    public SearchHitIterator(ScenarioClient client, SearchRequest template, long maxResults) {
        this(client, template, maxResults, 0, null, 0);
    }

    /**
     * @param maxResults           the most hits to return; 0 or less for no cap
     * @param prefetchPages        pages requested ahead of the one being walked; 0 for none
     * @param executor             runs the requests ahead; {@code null} for no prefetch
     * @param rateLimitPauseMillis wait before asking again for a page answered 429 while prefetching
     */
    public SearchHitIterator(ScenarioClient client, SearchRequest template, long maxResults, int prefetchPages,
                             ExecutorService executor, long rateLimitPauseMillis) {
        this.client = client;
        this.executor = executor;
        this.crawl = new PageCrawl(client, template, Math.max(0, maxResults), prefetchPages, executor,
                rateLimitPauseMillis);
    }

    /**
     * Fetches the first page now, throwing what fetching it throws (the producer does, so that a bad filter or bad
     * credentials fail the exchange itself rather than the splitter). Does nothing once a hit is waiting.
     */
    public void fetchFirst() throws IOException {
        if (next == null && failure == null && !ended) {
            next = crawl.next();
            if (next == null) {
                ended = true;
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        if (closedEarly || next != null || failure != null) {
            return true;
        }
        if (failedBefore) {
            return false;
        }
        if (resumable) {
            // walked again after its failure and a close (a redelivery): ask the page that failed again
            resumable = false;
            crawl.resume(client, executor);
        }
        try {
            next = crawl.next();
        } catch (IOException e) {
            return failed(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return failed(e);
        }
        if (next == null) {
            ended = true;
        }
        return next != null;
    }

    /** Keeps the failure for {@link #next()}; cancels whatever is still in flight, so nothing more is requested. */
    private boolean failed(RuntimeException e) {
        failure = e;
        crawl.suspend();
        return true;
    }

    @Override
    public Asset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more Scenario search hits");
        }
        if (closedEarly) {
            throw new IllegalStateException("This Scenario search iterator (allPages) was closed after " + crawl.walked()
                                            + " hit(s), before its end: it cannot go on; run the search again");
        }
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            failedBefore = true;
            throw e;
        }
        Asset asset = next.asset();
        next = null;
        return asset;
    }

    /** Totals and paging fields of the first page answered (without its hits); {@code null} before it. */
    public SearchPage getFirstTotals() {
        return crawl.getFirstTotals();
    }

    /**
     * Stops the iteration: requests in flight are cancelled and nothing more is requested. After a failure it can go on
     * (a redelivery walks it again); before its end otherwise, it can never go on.
     */
    @Override
    public void close() {
        crawl.suspend();
        if (ended || closedEarly) {
            return;
        }
        if (failedBefore || failure != null) {
            failedBefore = false;
            failure = null;
            resumable = true;
        } else if (!resumable) {
            closedEarly = true;
            next = null;
        }
    }

    /**
     * Stops the crawl for good because its owner stops (may be called from another thread): requests in flight are
     * cancelled, nothing more is requested, and a wait for a page, or the next page asked, ends with
     * {@link CrawlStoppedException} naming the page and {@code reason} (hits of the page in hand are still handed
     * out).
     *
     * @param reason who stopped it; must not hold credentials
     */
    public void stop(String reason) {
        crawl.stop(reason);
    }
}
