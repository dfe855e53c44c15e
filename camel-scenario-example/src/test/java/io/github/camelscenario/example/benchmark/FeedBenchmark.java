package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelscenario.example.live.Crawler;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Paging;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

import static io.github.camelscenario.example.benchmark.Figures.f;
import static io.github.camelscenario.example.benchmark.Figures.last;
import static io.github.camelscenario.example.benchmark.Figures.max;

/**
 * Feed rows (issue 9): what one poll of an {@code onlyNew=true} consumer costs on a library of {@code bench.hits}
 * assets when 0, 5 or 500 assets are new, for the catch-up feed (no sortBy: newest first, stops at what the
 * repository knows) against the full re-walk ({@code sortBy=createdAt:desc}, which walks every page like
 * {@code fullCrawlInterval=0}). Both consumers run side by side on one server, behind its default paging cap (as
 * users' feeds meet it); each starts with one untimed poll that delivers the whole library into its idempotent
 * repository. In each round, for each N, each consumer in turn gets N new assets, one poll, and the N assets are
 * deleted again, so the library stays the same size. A poll's time runs from the poll's start to its end (the
 * consumer's poll strategy), not counting the scheduler's wait.
 */
final class FeedBenchmark {

    static final int[] NEW_ASSETS = {0, 5, 500};
    /** Hits per segment of a default crawl (issue 9's design: 100 less the one-hit overlap). */
    static final int STEP = Paging.DEFAULT_CRAWL_HITS_PER_PAGE;

    private record Feed(String name, String options) {
    }

    private static final List<Feed> FEEDS = List.of(
            new Feed("catch-up feed: onlyNew=true", "onlyNew=true"),
            new Feed("full re-walk: onlyNew=true&sortBy=createdAt:desc", "onlyNew=true&sortBy=createdAt:desc"));

    /** The polls of one feed at one latency and one N. */
    private static final class Row {
        final List<Long> requests = new ArrayList<>();
        final List<Double> millis = new ArrayList<>();
        int wrongDeliveries;
    }

    private FeedBenchmark() {
    }

    /** Runs the rows and returns them as a Markdown section (table and targets). */
    static String run(int libraryHits, long[] latencies, int reps, int warmups) throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (long latency : latencies) {
            try (LocalScenarioServer server = LocalScenarioServer.builder().assets(libraryHits).start()) {
                server.faults().latencyMillis(latency);
                List<Crawler> crawlers = new ArrayList<>();
                try {
                    for (Feed feed : FEEDS) {
                        // room for the library and every asset the rounds add
                        MemoryIdempotentRepository repository = (MemoryIdempotentRepository) MemoryIdempotentRepository
                                .memoryIdempotentRepository(2 * libraryHits + 10_000);
                        repository.start();
                        Crawler crawler = Crawler.consumer(server, feed.options() + "&idempotentRepository=#feedRepository",
                                Map.of("feedRepository", repository));
                        crawlers.add(crawler);
                        // the repository's keys are the feed's own: the first poll delivers the library into it
                        crawler.crawl();
                    }
                    for (int round = -warmups; round < reps; round++) {
                        for (int n : NEW_ASSETS) {
                            for (int f = 0; f < FEEDS.size(); f++) {
                                Row row = round < 0 ? new Row() : rows.computeIfAbsent(key(FEEDS.get(f), latency, n),
                                        k -> new Row());
                                pollOnce(server, crawlers.get(f), n, row);
                                if (round >= 0) {
                                    System.out.printf("feed rep %d %2d ms  %-50s %3d new: %4d requests %8.1f ms%n",
                                            round + 1, latency, FEEDS.get(f).name(), n, last(row.requests),
                                            last(row.millis));
                                }
                            }
                        }
                    }
                } finally {
                    for (Crawler c : crawlers) {
                        c.close();
                    }
                }
            }
        }
        return report(rows, libraryHits, latencies, reps, warmups);
    }

    private static void pollOnce(LocalScenarioServer server, Crawler crawler, int n, Row row) throws Exception {
        List<String> added = server.addAssets(n);
        long before = server.getSearchRequestCount();
        List<String> delivered = crawler.crawl();
        row.requests.add(server.getSearchRequestCount() - before);
        row.millis.add(crawler.lastCrawlNanos() / 1e6);
        if (delivered.size() != n || !new HashSet<>(delivered).equals(new HashSet<>(added))) {
            row.wrongDeliveries++;
        }
        added.forEach(server::deleteAsset);
    }

    private static String report(Map<String, Row> rows, int libraryHits, long[] latencies, int reps, int warmups) {
        StringBuilder s = new StringBuilder();
        s.append(f("Polls of an onlyNew consumer on a %,d-asset library with 0, 5 and 500 new assets; %d repetition(s) "
                   + "after %d warm-up round(s).%n%n", libraryHits, reps, warmups));
        s.append("| feed | latency | new assets | requests per poll (median, max) | ms per poll (median) | "
                 + "min..max ms | vs full re-walk (time) | polls that delivered other than the new assets |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> targets = new ArrayList<>();
        for (long latency : latencies) {
            for (int n : NEW_ASSETS) {
                Row full = rows.get(key(FEEDS.get(1), latency, n));
                for (Feed feed : FEEDS) {
                    Row r = rows.get(key(feed, latency, n));
                    if (r == null) {
                        continue;
                    }
                    double median = Measurement.median(r.millis);
                    s.append(f("| %s | %d ms | %d | %.0f, %d | %.1f | %.1f..%.1f | %s | %d |%n", feed.name(), latency, n,
                            Measurement.median(r.requests.stream().map(Long::doubleValue).toList()), max(r.requests),
                            median, r.millis.stream().mapToDouble(d -> d).min().orElse(0),
                            r.millis.stream().mapToDouble(d -> d).max().orElse(0),
                            full == null ? "-" : f("%.2fx", median / Measurement.median(full.millis)), r.wrongDeliveries));
                }
                Row catchUp = rows.get(key(FEEDS.get(0), latency, n));
                if (catchUp != null) {
                    long limit = n == 0 ? 1 : (n + STEP - 1) / STEP + 1;
                    targets.add(Report.check(max(catchUp.requests) <= limit && catchUp.wrongDeliveries == 0,
                            f("%d ms, %d new: catch-up feed at most %d request(s) per poll (%s), delivering exactly "
                              + "the new assets: max %d, %d wrong poll(s)", latency, n, limit,
                                    n == 0 ? "unchanged library" : "ceil(" + n + " / " + STEP + ") + 1",
                                    max(catchUp.requests), catchUp.wrongDeliveries)));
                }
            }
        }
        s.append("\nrequests: search requests the server counted during the poll. ms per poll: from the poll's start to "
                 + "its end. vs full re-walk: median time per poll divided by the full re-walk's at the same latency and "
                 + "N (below 1 = cheaper).\n\n");
        s.append(String.join("\n", targets)).append('\n');
        return s.toString();
    }

    private static String key(Feed feed, long latency, int n) {
        return feed.name() + "|" + latency + "|" + n;
    }
}
