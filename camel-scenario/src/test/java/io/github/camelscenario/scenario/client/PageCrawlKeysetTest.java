package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls over an engine that caps deep paging, as Meilisearch does (no hit past the first N of a search, totals no
 * higher), with N unknown to the crawl: keyset windows reach every asset once, in order, at the cost of paging.
 */
@Timeout(60)
class PageCrawlKeysetTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private static FakeIndex library(int assets, long cap, int step) {
        FakeIndex index = new FakeIndex(step).maxTotalHits(cap);
        for (int i = 0; i < assets; i++) {
            index.insert(i, "a" + i);
        }
        return index;
    }

    private static List<String> drain(PageCrawl crawl) throws IOException {
        List<String> ids = new ArrayList<>();
        for (PageCrawl.Hit hit = crawl.next(); hit != null; hit = crawl.next()) {
            ids.add(hit.asset().getId());
        }
        return ids;
    }

    static Stream<Arguments> caps() {
        // assets, cap, hits per read, read-ahead
        return Stream.of(Arguments.of(3000, 1000, 96, 2), Arguments.of(3000, 300, 96, 2),
                Arguments.of(3000, 300, 96, 0), Arguments.of(1000, 1000, 96, 2), Arguments.of(500, 37, 10, 3),
                Arguments.of(250, 100, 10, 1));
    }

    @ParameterizedTest(name = "{0} assets, cap {1}, {2} a read, prefetch {3}")
    @MethodSource("caps")
    void everyAssetOnceInOrderPastTheCapAtTheCostOfPaging(int assets, int cap, int step, int prefetch)
            throws Exception {
        FakeIndex index = library(assets, cap, step);
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setFilter("kind = image").setHitsPerPage(step), 0,
                prefetch, prefetch > 0 ? executor : null, 0);

        List<String> ids = drain(crawl);

        assertThat(ids).containsExactlyElementsOf(index.snapshot());
        long paging = (assets + step - 1) / step;
        assertThat(index.requests.size()).as("requests").isLessThanOrEqualTo((int) (1.25 * paging) + 2);
        // each window is the user's filter, intact, and the keyset clause
        assertThat(index.requests).allSatisfy(r -> assertThat(r.getFilter()).satisfiesAnyOf(f -> assertThat(f).isEqualTo("kind = image"),
                        f -> assertThat(f).matches("\\(kind = image\\) AND createdAt <= \"[^\"]+\"")));
        if (assets > cap) {
            assertThat(crawl.getContinuations()).isGreaterThanOrEqualTo(assets / cap);
        }
    }

    @Test
    void withoutACapTheCrawlCostsOneRequestMoreThanPaging() throws Exception {
        FakeIndex index = library(960, 0, 96);
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setQuery("cat"), 0, 2, executor, 0);
        assertThat(drain(crawl)).hasSize(960);
        // 10 pages of 96, then the continuation past the last hit, which brings nothing new
        assertThat(index.requests).hasSize(11);
        assertThat(crawl.getContinuations()).isEqualTo(1);
    }

    @Test
    void hitsLevelAtAWindowBoundaryAreHandedOutOnceNoneLost() throws Exception {
        FakeIndex index = new FakeIndex(10).maxTotalHits(50);
        for (int i = 0; i < 45; i++) {
            index.insert(i, "a" + i);
        }
        // 40 assets created in the same millisecond, straddling the cap at 50
        index.appendTied("tie", 40);
        for (int i = 0; i < 60; i++) {
            index.insert(index.size(), "z" + i);
        }
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setQuery("q").setHitsPerPage(10), 0, 2, executor,
                0);
        List<String> ids = drain(crawl);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(index.snapshot()));
    }

    @Test
    void maxResultsBoundsACrawlAcrossWindows() throws Exception {
        FakeIndex index = library(500, 100, 10);
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setQuery("q").setHitsPerPage(10), 250, 2, executor,
                0);
        assertThat(drain(crawl)).containsExactlyElementsOf(index.snapshot().subList(0, 250));
        assertThat(index.requests.size()).isLessThanOrEqualTo(32);
    }

    @Test
    void aCatchUpCrawlGoesPastTheCapDownToTheMark() throws Exception {
        FakeIndex index = library(600, 100, 10);
        String mark = index.snapshot().get(345);
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setQuery("q").setHitsPerPage(10), 0, 2, executor,
                0, a -> a.getId().equals(mark));
        List<String> ids = drain(crawl);
        // down to the read that holds the mark, and the rest of that read
        assertThat(ids).startsWith(index.snapshot().subList(0, 346).toArray(new String[0]));
        assertThat(ids.size()).isLessThan(360);
    }

    @Test
    void anEngineThatIgnoresTheContinuationEndsTheCrawlWithoutRepeats() throws Exception {
        FakeIndex index = library(300, 100, 10);
        // a server that drops the filter: every window answers the first hits again
        ScenarioClient ignoring = r -> index.search(r.copy().setFilter(null));
        PageCrawl crawl = new PageCrawl(ignoring, new SearchRequest().setQuery("q").setHitsPerPage(10), 0, 0, null, 0);
        List<String> ids = drain(crawl);
        assertThat(ids).containsExactlyElementsOf(index.snapshot().subList(0, 100));
    }
}
