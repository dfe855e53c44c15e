package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelscenario.example.live.Crawler;
import io.github.camelscenario.example.live.DeliveryCheck;
import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Paging;

import static io.github.camelscenario.example.benchmark.Figures.f;
import static io.github.camelscenario.example.benchmark.Figures.last;
import static io.github.camelscenario.example.benchmark.Figures.max;
import static io.github.camelscenario.example.benchmark.Figures.min;

/**
 * Churn rows (issue 9): a crawl of a {@code bench.hits}-asset library by the consumer and by the allPages producer,
 * both at their defaults, while the server inserts and deletes 1 % of the assets at random positions during the crawl
 * (20 steps, each inserting and deleting 0.05 %, spread over the crawl's expected requests: one before every 9th of
 * the ~209 requests of a 20,000-hit crawl at 96 new hits a read), against the same crawl without churn. A fresh server
 * (same dataset, behind its default paging cap, so the crawls go on in keyset windows as users' crawls do) per crawl;
 * the churn seed is the repetition's number. Reported: hits delivered, duplicates (deliveries beyond the first of an
 * id), misses of stable assets (present from the crawl's start to its end, never delivered), requests, and wall time.
 */
final class ChurnBenchmark {

    static final int CHURN_STEPS = 20;
    /** Hits per request of a default crawl (issue 9's design), to spread the steps over the crawl. */
    static final int STEP = Paging.DEFAULT_CRAWL_HITS_PER_PAGE;

    private record Kind(String name, boolean producer) {
        Crawler open(LocalScenarioServer server) throws Exception {
            return producer ? Crawler.producer(server, "") : Crawler.consumer(server, "");
        }
    }

    private static final List<Kind> KINDS = List.of(new Kind("consumer, defaults", false),
            new Kind("producer allPages + split streaming, defaults", true));

    private static final class Row {
        final List<Double> delivered = new ArrayList<>();
        final List<Long> duplicates = new ArrayList<>();
        final List<Long> misses = new ArrayList<>();
        final List<Double> requests = new ArrayList<>();
        final List<Double> seconds = new ArrayList<>();
        final List<Long> inserted = new ArrayList<>();
        final List<Long> deleted = new ArrayList<>();
    }

    private ChurnBenchmark() {
    }

    static String run(int libraryHits, long[] latencies, int reps, int warmups) throws Exception {
        int perStep = Math.max(1, libraryHits / 100 / CHURN_STEPS);
        int every = Math.max(1, (libraryHits + STEP - 1) / STEP / (CHURN_STEPS + 1));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (long latency : latencies) {
            for (int round = -warmups; round < reps; round++) {
                for (Kind kind : KINDS) {
                    for (boolean churn : new boolean[] {false, true}) {
                        Row row = round < 0 ? new Row() : rows.computeIfAbsent(key(kind, latency, churn), k -> new Row());
                        crawlOnce(kind, libraryHits, latency, churn ? perStep : 0, every, round + 1000L, row);
                        if (round >= 0) {
                            System.out.printf("churn rep %d %2d ms  %-46s churn %-5s %,7.0f hits %3d dup %3d missed %4.0f "
                                              + "requests %5.2f s%n", round + 1, latency, kind.name(), churn,
                                    last(row.delivered), last(row.duplicates), last(row.misses), last(row.requests),
                                    last(row.seconds));
                        }
                    }
                }
            }
        }
        return report(rows, libraryHits, perStep, every, latencies, reps, warmups);
    }

    private static void crawlOnce(Kind kind, int libraryHits, long latency, int perStep, int every, long seed, Row row)
            throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(libraryHits).start();
             Crawler crawler = kind.open(server)) {
            server.faults().latencyMillis(latency);
            if (perStep > 0) {
                server.churn().order(AssetOrder.CREATED_AT_DESC).inserts(perStep).deletes(perStep)
                        .maxSteps(CHURN_STEPS).seed(seed).every(every);
            }
            List<String> atStart = server.assetIds(AssetOrder.CREATED_AT_DESC);
            long before = server.getSearchRequestCount();
            List<String> delivered = crawler.crawl();
            long requests = server.getSearchRequestCount() - before;
            server.churn().every(0);
            DeliveryCheck check = DeliveryCheck.of(atStart, server.assetIds(AssetOrder.CREATED_AT_DESC), delivered);
            row.delivered.add((double) delivered.size());
            row.duplicates.add(check.repeated().values().stream().mapToLong(c -> c - 1).sum());
            row.misses.add((long) check.missed().size());
            row.requests.add((double) requests);
            row.seconds.add(crawler.lastCrawlNanos() / 1e9);
            row.inserted.add((long) server.churn().inserted().size());
            row.deleted.add((long) server.churn().deleted().size());
        }
    }

    private static String report(Map<String, Row> rows, int libraryHits, int perStep, int every, long[] latencies,
                                 int reps, int warmups) {
        StringBuilder s = new StringBuilder();
        s.append(f("Crawls of a %,d-asset library; with churn, %d steps each "
                   + "inserting and deleting %d asset(s) at random positions: %,d inserted and %,d deleted in all; "
                   + "%d repetition(s) after %d warm-up round(s)%n", libraryHits, CHURN_STEPS, perStep,
                perStep * CHURN_STEPS, perStep * CHURN_STEPS, reps, warmups));
        s.append(f("(a step before each search request whose number, counted from the crawl's first, is a multiple "
                   + "of %d).%n%n", every));
        s.append("| crawl | latency | churn (inserted / deleted, min) | hits delivered (median) | duplicates (max) | misses of stable assets (max) "
                 + "| requests (median) | requests vs without churn | s per crawl (median) |\n");
        s.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> targets = new ArrayList<>();
        for (long latency : latencies) {
            for (Kind kind : KINDS) {
                Row calm = rows.get(key(kind, latency, false));
                Row churned = rows.get(key(kind, latency, true));
                for (Row r : new Row[] {calm, churned}) {
                    if (r == null) {
                        continue;
                    }
                    s.append(f("| %s | %d ms | %s | %,.0f | %d | %d | %.0f | %s | %.2f |%n", kind.name(), latency,
                            r == churned ? f("1 %% (%d / %d)", min(r.inserted), min(r.deleted)) : "none", Measurement.median(r.delivered), max(r.duplicates),
                            max(r.misses), Measurement.median(r.requests),
                            calm == null ? "-" : f("%.2fx", Measurement.median(r.requests)
                                                            / Measurement.median(calm.requests)),
                            Measurement.median(r.seconds)));
                }
                if (calm != null && churned != null) {
                    double ratio = Measurement.median(churned.requests) / Measurement.median(calm.requests);
                    targets.add(Report.check(max(churned.duplicates) == 0 && max(churned.misses) == 0 && ratio <= 1.2,
                            f("%d ms, %s under 1 %% churn: 0 duplicates, 0 misses of stable assets, requests within "
                              + "1.2x of the crawl without churn: %d duplicates, %d misses, %.2fx", latency,
                                    kind.name(), max(churned.duplicates), max(churned.misses), ratio)));
                }
            }
        }
        s.append("\nduplicates: deliveries beyond the first of an id, over the crawl. misses: assets present from the "
                 + "crawl's start to its end that it never delivered. requests: search requests the server counted.\n\n");
        s.append(String.join("\n", targets)).append('\n');
        return s.toString();
    }

    private static String key(Kind kind, long latency, boolean churn) {
        return kind.name() + "|" + latency + "|" + churn;
    }
}
