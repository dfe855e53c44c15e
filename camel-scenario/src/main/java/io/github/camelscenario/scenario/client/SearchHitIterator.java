package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;

/**
 * Every hit of every page of a search, fetched lazily, as an {@link Iterator} a splitter in streaming mode can walk.
 * <p>
 * Without prefetch, page N+1 is requested only when page N's hits are used up: one page in memory at a time. With
 * {@code prefetchPages} and an executor, up to that many following pages are requested while page N is walked (as the
 * consumer does), still handed out in page order: at most {@code 1 + prefetchPages} pages in memory. Either way the
 * crawl stops past {@code totalPages}, on an empty page, or after {@code maxResults} hits (see {@link PageCrawl}).
 * {@link #close()} stops it and cancels requests in flight.
 */
public final class SearchHitIterator implements Iterator<Asset>, Closeable {

    private final PageCrawl crawl;
    private PageCrawl.Hit next;
    private boolean closed;

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

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (next == null) {
            try {
                next = crawl.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public Asset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more Scenario search hits");
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
        closed = true;
        next = null;
        crawl.suspend();
    }
}
