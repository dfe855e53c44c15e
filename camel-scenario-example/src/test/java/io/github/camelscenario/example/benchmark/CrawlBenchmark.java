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
 * producer's lazy iterator, a hand-written camel-http route and a plain JDK HttpClient loop, against one local server
 * at each latency; then a small-heap crawl in a forked JVM, then the JMH per-hit benchmarks. Prints the tables and
 * writes them to {@code bench.output}.
 * <p>
 * System properties: {@code bench.hits} (20000), {@code bench.reps} (5), {@code bench.warmups} (2),
 * {@code bench.latencies} (0,20), {@code bench.scenarios} (all, or a comma list of consumer0, consumer1, consumer,
 * consumer4, producer, producer0, producer2, baseline, floor), {@code bench.feed} (true: {@link FeedBenchmark}),
 * {@code bench.churn} (true: {@link ChurnBenchmark}), {@code bench.memoryCheck} (true), {@code bench.memoryHits}
 * (100000), {@code bench.jmh} (true), {@code bench.output}.
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
        List<CrawlVariant> variants = variants(System.getProperty("bench.scenarios", "all"));
        Path output = Path.of(System.getProperty("bench.output", "target/benchmark-results.md"));

        List<Measurement> measurements = new ArrayList<>();
        CrawlSetup setup;
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(hits).start()) {
            setup = new CrawlSetup(server.getBaseUrl(), server.getApiKey(), server.getApiSecret(), hits);
            System.out.printf("Local server %s with %,d assets (%d request threads)%n", server.getBaseUrl(),
                    server.getAssetCount(), LocalScenarioServer.DEFAULT_THREADS);
            for (long latency : latencies) {
                server.faults().latencyMillis(latency);
                Map<CrawlVariant, Measurement> byVariant = new LinkedHashMap<>();
                for (CrawlVariant v : variants) {
                    byVariant.put(v, new Measurement(v, latency, hits));
                }
                for (int round = -warmups; round < reps; round++) {
                    for (CrawlVariant v : variants) {
                        runOnce(server, setup, v, round < 0 ? null : byVariant.get(v), latency, round);
                    }
                }
                measurements.addAll(byVariant.values());
            }
        }
        Report report = new Report(measurements, setup, reps, warmups);
        String table = report.table();
        System.out.println();
        System.out.println(table);

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

        SmallHeapCheck.Outcome smallHeap = null;
        if (Boolean.parseBoolean(System.getProperty("bench.memoryCheck", "true"))) {
            int memoryHits = Integer.getInteger("bench.memoryHits", 100_000);
            System.out.printf("Small-heap crawl: %,d hits in a JVM with %s...%n", memoryHits, SmallHeapCheck.MAX_HEAP);
            smallHeap = SmallHeapCheck.run(memoryHits);
            System.out.println("  " + smallHeap.report());
        }
        String jmh = null;
        if (Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))) {
            jmh = JmhRun.run();
        }
        String targets = report.targets(smallHeap);
        StringBuilder md = new StringBuilder("# Crawl benchmark results\n\n");
        md.append(String.format("JVM %s, %d processor(s) available, max heap %d MB%n%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576));
        md.append(table).append("\n## Targets\n\n").append(targets);
        if (feed != null) {
            md.append("\n## Feed: polls of a library with new assets\n\n").append(feed);
        }
        if (churn != null) {
            md.append("\n## Churn: crawls while the index changes\n\n").append(churn);
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

    private static void runOnce(LocalScenarioServer server, CrawlSetup setup, CrawlVariant variant,
                                Measurement into, long latency, int round) throws Exception {
        HitCounter counter = new HitCounter(setup.hits());
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
        counter.verify(variant.name());
        System.out.printf("%-9s %2d ms  %-38s %6.2f s  %,9.0f hits/s  %4d requests%n",
                round < 0 ? "warm-up" : "rep " + (round + 1), latency, variant.name(), seconds, setup.hits() / seconds,
                requests);
        if (into != null) {
            into.add(seconds, peak, allocated, cpu, requests);
        }
    }

    private static List<CrawlVariant> variants(String selection) {
        Map<String, CrawlVariant> all = new LinkedHashMap<>();
        all.put("consumer0", new ConsumerVariant(0));
        all.put("consumer1", new ConsumerVariant(1));
        all.put("consumer", new ConsumerVariant(null));
        all.put("consumer4", new ConsumerVariant(4));
        all.put("producer", new ProducerVariant(null));
        all.put("producer0", new ProducerVariant(0));
        all.put("producer2", new ProducerVariant(2));
        all.put("baseline", new CamelHttpVariant());
        all.put("floor", new JdkHttpFloorVariant());
        if (selection.equals("all")) {
            return new ArrayList<>(all.values());
        }
        List<CrawlVariant> chosen = new ArrayList<>();
        for (String key : selection.split(",")) {
            CrawlVariant v = all.get(key.strip());
            if (v == null) {
                throw new IllegalArgumentException("Unknown scenario '" + key + "'; known: " + all.keySet());
            }
            chosen.add(v);
        }
        return chosen;
    }
}
