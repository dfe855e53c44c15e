package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Every hit of every page of a search, fetched lazily: page N+1 is requested only when page N's hits are used up, so
 * a splitter in streaming mode walks any result set holding one page at a time. Stops past {@code totalPages}, on an
 * empty page, or after {@code maxResults} hits (see {@link Paging}).
 */
public final class SearchHitIterator implements Iterator<Asset>, Closeable {

    private final ScenarioClient client;
    private final SearchRequest template;
    private final long maxResults;
    private final int hitsPerPage;

    private int nextPage;
    private boolean morePages = true;
    private boolean closed;
    private Iterator<Asset> current = Collections.emptyIterator();
    private long returned;
    private int pagesFetched;
    private SearchPage lastPage;

    /**
     * @param maxResults the most hits to return; 0 or less for no cap
     */
    public SearchHitIterator(ScenarioClient client, SearchRequest template, long maxResults) {
        this.client = client;
        this.template = template.copy();
        this.maxResults = maxResults;
        this.hitsPerPage = Paging.crawlHitsPerPage(template);
        this.nextPage = Paging.firstPage(template);
    }

    @Override
    public boolean hasNext() {
        if (closed || maxResults > 0 && returned >= maxResults) {
            return false;
        }
        while (!current.hasNext() && morePages) {
            fetchNextPage();
        }
        return current.hasNext();
    }

    @Override
    public Asset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more Scenario search hits");
        }
        returned++;
        return current.next();
    }

    private void fetchNextPage() {
        int pageNumber = nextPage++;
        SearchPage page;
        try {
            page = client.search(Paging.pageRequest(template, pageNumber, hitsPerPage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pagesFetched++;
        lastPage = page;
        morePages = Paging.hasMoreAfter(page, pageNumber, hitsPerPage);
        current = page.getHits().iterator();
    }

    /** Pages requested so far. */
    public int getPagesFetched() {
        return pagesFetched;
    }

    /** Hits handed out so far. */
    public long getReturned() {
        return returned;
    }

    /** The page fetched last, for its totals; {@code null} before the first. */
    public SearchPage getLastPage() {
        return lastPage;
    }

    /** Stops the iteration: no further page is requested. */
    @Override
    public void close() {
        closed = true;
        current = Collections.emptyIterator();
    }
}
