package io.github.camelscenario.scenario.client;

import java.util.List;

/**
 * The requests of a crawl: its order, its page size, and the page or offset reads it sends. Shared by the producer's
 * lazy iterator and the consumer, so both crawl alike.
 */
public final class Paging {

    /** The order of a crawl whose search sets none: new assets land at its front, the others never move. */
    public static final String DEFAULT_CRAWL_SORT = "createdAt:desc";

    /** Most hits one read may ask for (the API's limit). */
    static final int MAX_LIMIT = SearchRequestValidator.MAX_HITS_PER_PAGE;

    /** New hits per read when the search sets no hitsPerPage: a read then asks the API's maximum, overlap included. */
    public static final int DEFAULT_CRAWL_HITS_PER_PAGE = MAX_LIMIT - PageCrawl.OVERLAP;

    /** No crawl goes past this page, whatever the server says. */
    public static final int MAX_PAGES = 10_000;

    private Paging() {
    }

    /**
     * The search a crawl repeats: without paging fields, sorted {@link #DEFAULT_CRAWL_SORT} unless it sets an order,
     * and an order that lacks {@code createdAt} gets it as its last key ({@link Keyset#completeOrder}): keyset
     * windows need an order in which few hits are level.
     */
    static SearchRequest crawlTemplate(SearchRequest search) {
        SearchRequest t = search.copy();
        t.setPage(null);
        t.setHitsPerPage(null);
        t.setOffset(null);
        t.setLimit(null);
        if (t.getSortBy() == null || t.getSortBy().isEmpty()) {
            t.setSortBy(List.of(DEFAULT_CRAWL_SORT));
        } else {
            t.setSortBy(Keyset.completeOrder(t.getSortBy()));
        }
        return t;
    }

    /** New hits per read: the search's hitsPerPage, at most {@code 100 - OVERLAP} so that a read fits the API's limit. */
    public static int crawlStep(SearchRequest search) {
        int asked = search.getHitsPerPage() != null ? search.getHitsPerPage() : DEFAULT_CRAWL_HITS_PER_PAGE;
        return Math.min(asked, DEFAULT_CRAWL_HITS_PER_PAGE);
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

    /** The request for {@code limit} hits from {@code offset}. */
    static SearchRequest offsetRequest(SearchRequest template, long offset, int limit) {
        SearchRequest r = template.copy();
        r.setPage(null);
        r.setHitsPerPage(null);
        r.setOffset(Math.toIntExact(offset));
        r.setLimit(limit);
        return r;
    }

    /** The first page of a crawl: the template's page, else 1. */
    public static int firstPage(SearchRequest template) {
        return template.getPage() != null ? template.getPage() : 1;
    }
}
