package io.github.camelscenario.scenario;

import io.github.camelscenario.scenario.client.SearchRequest;

/**
 * Which kind of crawl a consumer starts next. A feed ({@code onlyNew}) in the default order (newest first) catches up
 * between full crawls, which come every {@code fullCrawlInterval} (the first one an interval after the consumer
 * started, so a restart or a fail-over begins by catching up); an explicit order, or no onlyNew, walks everything
 * every time. An operator's fresh crawl ({@code startFreshCrawl}) is a full one.
 */
final class CrawlSchedule {

    private final boolean feed;
    private final boolean defaultOrder;
    private final long fullCrawlInterval;
    /** When the last full crawl started (poll thread). */
    private long lastFullCrawl = System.currentTimeMillis();
    private volatile boolean freshRequested;

    CrawlSchedule(boolean onlyNew, SearchRequest search, long fullCrawlInterval) {
        this.feed = onlyNew;
        this.defaultOrder = search.getSortBy() == null || search.getSortBy().isEmpty();
        this.fullCrawlInterval = fullCrawlInterval;
    }

    /** Whether crawls record marks: a feed whose crawls walk newest first, the order in which it can catch up. */
    boolean marks() {
        return feed && defaultOrder;
    }

    /** Asks for a fresh, full crawl at the next poll (any thread). */
    void requestFresh() {
        freshRequested = true;
    }

    /** Whether a fresh crawl was asked since the last call: the current crawl is to be dropped. */
    boolean takeFreshRequest() {
        if (!freshRequested) {
            return false;
        }
        freshRequested = false;
        lastFullCrawl = 0;
        return true;
    }

    /** The kind of the crawl starting now. */
    Crawl.Kind next() {
        long now = System.currentTimeMillis();
        if (marks() && fullCrawlInterval > 0 && now - lastFullCrawl < fullCrawlInterval) {
            return Crawl.Kind.CATCH_UP;
        }
        lastFullCrawl = now;
        return Crawl.Kind.FULL;
    }
}
