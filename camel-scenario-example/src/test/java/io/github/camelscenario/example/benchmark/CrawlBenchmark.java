package io.github.camelscenario.example.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelscenario.example.server.LocalScenarioServer;

/**
 * The crawl benchmark (docs/performance.md): the same crawl by the consumer at several prefetch settings, the
 * producer's lazy iterator, a hand-written camel-http route and a plain JDK HttpClient loop, against a local server
 * without a paging cap at each latency; in the same rounds, the consumer and the producer at their defaults behind
 * the server's default cap (1,000) and without it, and the camel-http route behind the cap; then feed and churn rows,
 * sync rows ({@code content=file} against a hand-written download route, and that sync in a forked small-heap JVM), a
 * small-heap crawl in a forked JVM, then the JMH per-hit benchmarks. Prints the tables and writes them to
 * {@code bench.output}.
 * <p>
 * System properties: {@code bench.hits} (20000), {@code bench.reps} (5), {@code bench.warmups} (2),
 * {@code bench.latencies} (0,20), {@code bench.scenarios} (all, or a comma list of consumer0, consumer1, consumer,
 * consumer4, producer, producer0, producer2, baseline, floor, consumerDefaults, producerDefaults, baselineCap), {@code bench.feed} (true: {@link FeedBenchmark}),
 * {@code bench.churn} (true: {@link ChurnBenchmark}), {@code bench.sync} (true: {@link SyncBenchmark}, settings in
 * {@link SyncBenchmark.Settings}), {@code bench.memoryCheck} (true: the small-heap crawl, and the small-heap sync with
 * the sync rows), {@code bench.memoryHits} (100000), {@code bench.jmh} (true), {@code bench.output}.
 */
public final class CrawlBenchmark {

    private CrawlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hits = Integer.getInteger("bench.hits", 20_000);
        int reps = Integer.getInteger("bench.reps", 5);
        int warmups = Integer.getInteger("bench.warmups", 2);
        long[] latencies = Arrays.stream(System.getProperty("bench.latencies", "0,20").split(","))
                .map(String::strip).mapToLong(Long::parseLong).toArray();
        String scenarios = System.getProperty("bench.scenarios", "all");
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark-results.md"));

        List<Measurement> measurements = new ArrayList<>();
        List<Measurement> capMeasurements = new ArrayList<>();
        CrawlSetup setup;
        // the main table's crawls as before the cap (comparable with earlier results), and the same dataset behind
        // the cap users meet
        try (LocalScenarioServer open = LocalScenarioServer.builder().assets(hits).maxTotalHits(0).start();
             LocalScenarioServer capped = LocalScenarioServer.builder().assets(hits).start()) {
            setup = CrawlSetup.of(open, 0);
            Target uncapped = new Target(open, setup);
            Target cap = new Target(capped, CrawlSetup.of(capped, LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS));
            System.out.printf("Local servers with %,d assets (%d request threads): %s without a paging cap, %s with "
                              + "a cap of %,d%n", open.getAssetCount(), LocalScenarioServer.DEFAULT_THREADS,
                    open.getBaseUrl(), capped.getBaseUrl(), LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS);
            List<Row> rows = rows(scenarios, uncapped, cap);
            for (long latency : latencies) {
                open.faults().latencyMillis(latency);
                capped.faults().latencyMillis(latency);
                Map<Row, Measurement> byRow = new LinkedHashMap<>();
                for (Row row : rows) {
                    byRow.put(row, new Measurement(row.variant(), row.target().setup(), latency));
                }
                for (int round = -warmups; round < reps; round++) {
                    for (Row row : rows) {
                        runOnce(row.target(), row.variant(), round < 0 ? null : byRow.get(row), latency, round);
                    }
                }
                byRow.forEach((row, m) -> (row.capRows() ? capMeasurements : measurements).add(m));
            }
        }
        Report report = new Report(measurements, setup, reps, warmups);
        String table = report.table();
        System.out.println();
        System.out.println(table);
        String capSection = null;
        if (!capMeasurements.isEmpty()) {
            capSection = new CapReport(capMeasurements, measurements, reps, warmups).section();
            System.out.println();
            System.out.println(capSection);
        }

        String feed = null;
        if (Boolean.parseBoolean(System.getProperty("bench.feed", "true"))) {
            feed = FeedBenchmark.run(hits, latencies, reps, warmups);
            System.out.println();
            System.out.println(feed);
        }
        String churn = null;
        if (Boolean.parseBoolean(System.getProperty("bench.churn", "true"))) {
            churn = ChurnBenchmark.run(hits, latencies, reps, warmups);
            System.out.println();
            System.out.println(churn);
        }

        boolean memoryCheck = Boolean.parseBoolean(System.getProperty("bench.memoryCheck", "true"));
        String sync = null;
        if (Boolean.parseBoolean(System.getProperty("bench.sync", "true"))) {
            sync = SyncBenchmark.run(SyncBenchmark.Settings.fromSystemProperties(reps, memoryCheck));
            System.out.println();
            System.out.println(sync);
        }

        SmallHeapCheck.Outcome smallHeap = null;
        int memoryHits = Integer.getInteger("bench.memoryHits", 100_000);
        if (memoryCheck) {
            System.out.printf("Small-heap crawl: %,d hits in a JVM with %s...%n", memoryHits, SmallHeapCheck.MAX_HEAP);
            smallHeap = SmallHeapCheck.run(memoryHits);
            System.out.println("  " + smallHeap.report());
        }
        String jmh = null;
        if (Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))) {
            jmh = JmhRun.run();
        }
        String targets = report.targets(smallHeap, memoryHits);
        StringBuilder md = new StringBuilder("# Crawl benchmark results\n\n");
        md.append(String.format("JVM %s, %d processor(s) available, max heap %d MB%n%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576));
        md.append(table).append("\n## Targets\n\n").append(targets);
        if (capSection != null) {
            md.append("\n## Behind a paging cap\n\n").append(capSection);
        }
        if (feed != null) {
            md.append("\n## Feed: polls of a library with new assets\n\n").append(feed);
        }
        if (churn != null) {
            md.append("\n## Churn: crawls while the index changes\n\n").append(churn);
        }
        if (sync != null) {
            md.append("\n## Sync: pictures into a folder\n\n").append(sync);
        }
        if (jmh != null) {
            md.append("\n## Per-hit costs (JMH)\n\n").append(jmh);
        }
        System.out.println();
        System.out.println(md);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md);
        System.out.println("Written to " + output.toAbsolutePath());
    }

    private static void runOnce(Target target, CrawlVariant variant, Measurement into, long latency, int round)
            throws Exception {
        LocalScenarioServer server = target.server();
        CrawlSetup setup = target.setup();
        HitCounter counter = new HitCounter(variant.expectedHits(setup));
        RunMeter meter = new RunMeter();
        double seconds;
        long allocated;
        long cpu;
        long requests;
        try (CrawlVariant.Crawl crawl = variant.prepare(setup, counter)) {
            meter.start();
            long requestsBefore = server.getSearchRequestCount();
            long t0 = System.nanoTime();
            crawl.run();
            seconds = (System.nanoTime() - t0) / 1e9;
            allocated = meter.allocatedBytes();
            cpu = meter.cpuNanos();
            requests = server.getSearchRequestCount() - requestsBefore;
        }
        long peak = RunMeter.peakHeapBytes();
        counter.verify(variant.name() + " (" + setup.capLabel() + ")");
        System.out.printf("%-9s %2d ms  %-46s %-9s %6.2f s  %,7d hits %,9.0f hits/s  %4d requests%n",
                round < 0 ? "warm-up" : "rep " + (round + 1), latency, variant.name(), setup.capLabel(), seconds,
                counter.count(), counter.count() / seconds, requests);
        if (into != null) {
            into.add(seconds, counter.count(), peak, allocated, cpu, requests);
        }
    }

    /** A server and the crawl of it. */
    private record Target(LocalScenarioServer server, CrawlSetup setup) {
    }

    /** One variant against one server; {@code capRows}: a row of the paging-cap table rather than the main one. */
    private record Row(CrawlVariant variant, Target target, boolean capRows) {
    }

    /**
     * The rows of {@code selection} in table order: the main table's variants against the server without a cap; the
     * cap table's at their defaults against both servers, and the camel-http route behind the cap (the route without
     * a cap is the main table's).
     */
    private static List<Row> rows(String selection, Target open, Target capped) {
        Map<String, List<Row>> all = new LinkedHashMap<>();
        all.put("consumer0", mainRow(new ConsumerVariant(0), open));
        all.put("consumer1", mainRow(new ConsumerVariant(1), open));
        all.put("consumer", mainRow(new ConsumerVariant(null), open));
        all.put("consumer4", mainRow(new ConsumerVariant(4), open));
        all.put("producer", mainRow(new ProducerVariant(null), open));
        all.put("producer0", mainRow(new ProducerVariant(0), open));
        all.put("producer2", mainRow(new ProducerVariant(2), open));
        all.put("baseline", mainRow(new CamelHttpVariant(), open));
        all.put("floor", mainRow(new JdkHttpFloorVariant(), open));
        CrawlVariant consumerDefaults = ConsumerVariant.defaults();
        all.put("consumerDefaults", List.of(new Row(consumerDefaults, capped, true), new Row(consumerDefaults, open, true)));
        CrawlVariant producerDefaults = ProducerVariant.defaults();
        all.put("producerDefaults", List.of(new Row(producerDefaults, capped, true), new Row(producerDefaults, open, true)));
        all.put("baselineCap", List.of(new Row(new CamelHttpVariant(), capped, true)));
        List<Row> chosen = new ArrayList<>();
        for (String key : selection.equals("all") ? all.keySet() : List.of(selection.split(","))) {
            List<Row> rows = all.get(key.strip());
            if (rows == null) {
                throw new IllegalArgumentException("Unknown scenario '" + key + "'; known: " + all.keySet());
            }
            chosen.addAll(rows);
        }
        return chosen;
    }

    private static List<Row> mainRow(CrawlVariant variant, Target open) {
        return List.of(new Row(variant, open, false));
    }
}
