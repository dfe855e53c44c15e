package io.github.camelscenario.scenario.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void aCrawlWithoutAnOrderWalksTheNewestFirstAndKeepsAnOrderItWasGiven() {
        SearchRequest none = new SearchRequest().setQuery("cat").setPage(3).setHitsPerPage(7);
        SearchRequest crawl = Paging.crawlTemplate(none);
        assertThat(crawl.getSortBy()).containsExactly("createdAt:desc");
        assertThat(crawl.getPage()).isNull();
        assertThat(crawl.getHitsPerPage()).isNull();
        assertThat(none.getSortBy()).isNull();

        // an order is kept; createdAt joins as its last key (keyset windows need few level hits), unless it is there
        SearchRequest ordered = new SearchRequest().setQuery("cat").setSortBy(List.of("width:asc"));
        assertThat(Paging.crawlTemplate(ordered).getSortBy()).containsExactly("width:asc", "createdAt:desc");
        SearchRequest byAge = new SearchRequest().setQuery("cat").setSortBy(List.of("createdAt:asc", "width:desc"));
        assertThat(Paging.crawlTemplate(byAge).getSortBy()).containsExactly("createdAt:asc", "width:desc");
    }

    @Test
    void aReadHoldsTheOverlapAndItsNewHitsWithinTheApiLimit() {
        assertThat(Paging.crawlStep(new SearchRequest())).isEqualTo(96);
        assertThat(Paging.crawlStep(new SearchRequest().setHitsPerPage(100))).isEqualTo(96);
        assertThat(Paging.crawlStep(new SearchRequest().setHitsPerPage(7))).isEqualTo(7);
        assertThat(Paging.crawlStep(new SearchRequest()) + PageCrawl.OVERLAP).isEqualTo(100);
    }

    @Test
    void pageRequestLeavesTheTemplateAlone() {
        SearchRequest template = new SearchRequest().setQuery("cat").setOffset(40).setLimit(20);
        SearchRequest third = Paging.pageRequest(template, 3, 50);
        assertThat(third.getPage()).isEqualTo(3);
        assertThat(third.getHitsPerPage()).isEqualTo(50);
        assertThat(third.getOffset()).isNull();
        assertThat(third.getLimit()).isNull();
        assertThat(template.getPage()).isNull();
        assertThat(template.getOffset()).isEqualTo(40);
    }
}
