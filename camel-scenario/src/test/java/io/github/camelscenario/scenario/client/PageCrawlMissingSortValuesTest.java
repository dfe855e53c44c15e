package io.github.camelscenario.scenario.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order on a key some assets lack ({@code width}): the engine sorts those last, and no keyset clause on the key
 * reaches them past the paging cap. The crawl walks every hit that has a width, and says at WARN that the others are
 * not reached that way (and it is not whole: a feed writes no mark on it).
 */
@Timeout(30)
class PageCrawlMissingSortValuesTest {

    private static final Pattern CLAUSE = Pattern.compile(
            "width < (\\d+) OR \\(width = (\\d+) AND createdAt <= \"([^\"]+)\"\\)");

    /** Assets sorted width desc, createdAt desc, those without width last; a cap; the continuation clause applied. */
    static final class WidthIndex implements ScenarioClient {
        final List<Asset> all = new ArrayList<>();
        final int cap;
        int requests;

        WidthIndex(int withWidth, int withoutWidth, int cap) {
            this.cap = cap;
            long t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < withWidth + withoutWidth; i++) {
                Asset a = new Asset();
                a.setId("a" + i);
                a.setCreatedAt(Instant.ofEpochMilli(t - i * 1000L).toString());
                AssetMetadata m = new AssetMetadata();
                if (i < withWidth) {
                    m.setWidth(4000 - i * 3); // distinct widths
                }
                a.setMetadata(m);
                all.add(a);
            }
            Comparator<Asset> byWidth = Comparator.comparing((Asset a) -> a.getMetadata().getWidth(),
                    Comparator.nullsLast(Comparator.reverseOrder()));
            all.sort(byWidth.thenComparing(Asset::getCreatedAt, Comparator.reverseOrder()));
        }

        @Override
        public SearchPage search(SearchRequest r) throws IOException {
            requests++;
            List<Asset> matching = new ArrayList<>();
            Matcher m = r.getFilter() == null ? null : CLAUSE.matcher(r.getFilter());
            boolean keyset = m != null && m.find();
            for (Asset a : all) {
                Integer w = a.getMetadata().getWidth();
                if (!keyset) {
                    matching.add(a);
                } else if (w != null && (w < Integer.parseInt(m.group(1)) || w == Integer.parseInt(m.group(2))
                        && Instant.parse(a.getCreatedAt()).compareTo(Instant.parse(m.group(3))) <= 0)) {
                    matching.add(a);
                }
            }
            int reachable = Math.min(matching.size(), cap);
            boolean byPage = r.getPage() != null;
            int from = byPage ? (r.getPage() - 1) * r.getHitsPerPage() : r.getOffset();
            int count = byPage ? r.getHitsPerPage() : r.getLimit();
            SearchPage answer = new SearchPage();
            answer.setHits(new ArrayList<>(matching.subList(Math.min(from, reachable), Math.min(from + count, reachable))));
            if (byPage) {
                answer.setPage(r.getPage());
                answer.setHitsPerPage(r.getHitsPerPage());
                answer.setTotalHits((long) reachable);
                answer.setTotalPages((reachable + r.getHitsPerPage() - 1) / r.getHitsPerPage());
            } else {
                answer.setOffset(r.getOffset());
                answer.setLimit(r.getLimit());
                answer.setEstimatedTotalHits((long) reachable);
            }
            return answer;
        }
    }

    @Test
    void aWidthOrderPastTheCapSaysTheAssetsWithoutAWidthAreNotReached() throws Exception {
        WidthIndex index = new WidthIndex(200, 20, 50);
        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setFilter("kind = image")
                .setSortBy(List.of("width:desc")).setHitsPerPage(10), 0, 0, null, 0);
        List<String> ids = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        // our loggers print to System.err in tests (simplelogger.properties)
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (PageCrawl.Hit h = crawl.next(); h != null; h = crawl.next()) {
                ids.add(h.asset().getId());
            }
        } finally {
            System.setErr(err);
        }
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        assertThat(crawl.isWhole()).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN").contains(
                "assets without a width (sorted last by the engine) are not reached that way; sort by createdAt or "
                + "updatedAt to reach every hit");
    }
}
