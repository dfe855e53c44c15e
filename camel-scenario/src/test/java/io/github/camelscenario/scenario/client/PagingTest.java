package io.github.camelscenario.scenario.client;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    private static SearchPage page(int hits, Integer totalPages, Long totalHits) {
        SearchPage p = new SearchPage();
        List<Asset> list = new ArrayList<>();
        for (int i = 0; i < hits; i++) {
            Asset a = new Asset();
            a.setId("a" + i);
            list.add(a);
        }
        p.setHits(list);
        p.setTotalPages(totalPages);
        p.setTotalHits(totalHits);
        return p;
    }

    @Test
    void totalPagesDecides() {
        assertThat(Paging.hasMoreAfter(page(10, 3, null), 2, 10)).isTrue();
        assertThat(Paging.hasMoreAfter(page(10, 3, null), 3, 10)).isFalse();
    }

    @Test
    void totalHitsDecidesWithoutTotalPages() {
        assertThat(Paging.hasMoreAfter(page(10, null, 25L), 2, 10)).isTrue();
        assertThat(Paging.hasMoreAfter(page(5, null, 25L), 3, 10)).isFalse();
    }

    @Test
    void withoutTotalsOnlyAFullPageHasASuccessor() {
        assertThat(Paging.hasMoreAfter(page(10, null, null), 1, 10)).isTrue();
        assertThat(Paging.hasMoreAfter(page(9, null, null), 1, 10)).isFalse();
    }

    @Test
    void emptyPageEndsEverything() {
        assertThat(Paging.hasMoreAfter(page(0, 50, 500L), 1, 10)).isFalse();
    }

    @Test
    void safetyCapEndsACrawlThatNeverEnds() {
        assertThat(Paging.hasMoreAfter(page(10, Integer.MAX_VALUE, null), Paging.MAX_PAGES, 10)).isFalse();
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
