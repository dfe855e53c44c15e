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
 * asked only when this one is used up. It stops at the end of the results, at the totals, or after {@code maxResults}
 * hits, and hands out each asset that stays in the library during the walk exactly once.
 * <p>
 * Failure: a page that cannot be fetched makes {@link #hasNext()} answer {@code true} and the following
 * {@link #next()} throw the error ({@link UncheckedIOException} around an {@link IOException},
 * {@link ScenarioApiException}, or {@link CrawlStoppedException}); after it {@code hasNext()} is {@code false} and
 * nothing more is requested. So a splitter, which asks {@code hasNext()} right after taking a hit, still routes that
 * hit before it meets the error, and walking the rest to release it sends no request. {@link #close()} stops it and
 * cancels requests in flight; {@link #stop(String)} (the producer stopping) makes the next page end in {@link CrawlStoppedException}.
 */
public final class SearchHitIterator implements Iterator<Asset>, Closeable {

    private final PageCrawl crawl;
    private PageCrawl.Hit next;
    /** The page fetch that failed: {@link #hasNext()} said {@code true}, {@link #next()} throws it. */
    private RuntimeException failure;
    /** Closed, used up, or its failure thrown: nothing more is requested. */
    private volatile boolean ended;

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
        if (next != null || failure != null) {
            return true;
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
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            ended = true;
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

    /** Stops the iteration: no further page is requested, and requests in flight are cancelled. */
    @Override
    public void close() {
        ended = true;
        next = null;
        failure = null;
        crawl.suspend();
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
