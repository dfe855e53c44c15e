package io.github.camelscenario.scenario.client;

/**
 * A crawl was stopped for good (its producer stopped, or the pool that runs its page requests shut down) while a page
 * was still to come: thrown instead of waiting for an answer that no one will fetch.
 */
public class CrawlStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int page;

    public CrawlStoppedException(int page, String reason) {
        super("Scenario crawl stopped before page " + page + " was answered: " + reason);
        this.page = page;
    }

    /** The page that was not answered. */
    public int getPage() {
        return page;
    }
}
