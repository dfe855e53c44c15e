package io.github.camelscenario.scenario.client;

/**
 * When a crawl over result pages is over. Shared by the producer's lazy iterator and the consumer so both stop on the
 * same rules: past {@code totalPages}, on an empty or short page, or at a safety cap against a server that never
 * says it is done.
 */
public final class Paging {

    /** Hits per page when crawling every page and the user chose none: the API's maximum, fewest round trips. */
    public static final int DEFAULT_CRAWL_HITS_PER_PAGE = SearchRequestValidator.MAX_HITS_PER_PAGE;

    /** No crawl goes past this page, whatever the server says (1,000,000 hits at 100 a page). */
    public static final int MAX_PAGES = 10_000;

    private Paging() {
    }

    /**
     * Whether a page follows {@code page}, the answer to page number {@code pageNumber} asked with
     * {@code hitsPerPage}.
     */
    public static boolean hasMoreAfter(SearchPage page, int pageNumber, int hitsPerPage) {
        if (page.getHits().isEmpty() || pageNumber >= MAX_PAGES) {
            return false;
        }
        if (page.getTotalPages() != null) {
            return pageNumber < page.getTotalPages();
        }
        if (page.getTotalHits() != null) {
            return (long) pageNumber * hitsPerPage < page.getTotalHits();
        }
        // no totals at all: only a full page can have a successor
        return page.getHits().size() >= hitsPerPage;
    }

    /** The request for page {@code pageNumber} of a crawl based on {@code template}. */
    public static SearchRequest pageRequest(SearchRequest template, int pageNumber, int hitsPerPage) {
        SearchRequest r = template.copy();
        r.setPage(pageNumber);
        r.setHitsPerPage(hitsPerPage);
        // page paging takes precedence in the API anyway; sending both would only confuse a reader of the logs
        r.setOffset(null);
        r.setLimit(null);
        return r;
    }

    /** The first page of a crawl: the template's page, else 1. */
    public static int firstPage(SearchRequest template) {
        return template.getPage() != null ? template.getPage() : 1;
    }

    /** The page size of a crawl: the template's hitsPerPage, else {@link #DEFAULT_CRAWL_HITS_PER_PAGE}. */
    public static int crawlHitsPerPage(SearchRequest template) {
        return template.getHitsPerPage() != null ? template.getHitsPerPage() : DEFAULT_CRAWL_HITS_PER_PAGE;
    }
}
