package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.List;

import static io.github.camelscenario.example.benchmark.Figures.f;

/** The results table and the target check list, as Markdown. */
final class Report {

    private final List<Measurement> measurements;
    private final CrawlSetup setup;
    private final int reps;
    private final int warmups;

    Report(List<Measurement> measurements, CrawlSetup setup, int reps, int warmups) {
        this.measurements = measurements;
        this.setup = setup;
        this.reps = reps;
        this.warmups = warmups;
    }

    String table() {
        StringBuilder s = new StringBuilder();
        s.append(f("Crawl of %,d hits, %d a page, from a server without a paging cap; %d repetition(s) after %d "
                   + "warm-up round(s) per latency; variants interleaved within each round.%n%n", setup.hits(),
                CrawlSetup.HITS_PER_PAGE, reps, warmups));
        s.append("| variant | latency | median hits/s | min..max hits/s | vs baseline | vs floor | requests | "
                 + "client CPU µs/hit | alloc KB/hit | peak heap MB |\n");
        s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measurement m : measurements) {
            Measurement baseline = find(CamelHttpVariant.class, m.latencyMillis);
            Measurement floor = find(JdkHttpFloorVariant.class, m.latencyMillis);
            s.append(f("| %s | %d ms | %,.0f | %,.0f..%,.0f | %s | %s | %d | %.1f | %.1f | %.0f |%n", m.variant.name(),
                    m.latencyMillis, m.medianHitsPerSecond(), m.minHitsPerSecond(), m.maxHitsPerSecond(),
                    ratio(m, baseline), ratio(m, floor), m.maxRequests(), m.medianCpuMicrosPerHit(),
                    m.medianAllocatedKbPerHit(), m.maxPeakHeapMb()));
        }
        s.append("\nvs baseline / vs floor: median hits/s divided by theirs (above 1 = faster). requests: page requests "
                 + "the server counted in one run. client CPU µs/hit and alloc KB/hit: CPU time used and bytes "
                 + "allocated per hit by the client side (every thread but the local server's), medians. peak heap: sum of the heap pools' peaks in the run (pools reset after a "
                 + "System.gc() before it), server included, largest over the repetitions.\n");
        return s.toString();
    }

    /** @param memoryHits the hits of the small-heap crawl, when it ran */
    String targets(SmallHeapCheck.Outcome smallHeap, int memoryHits) {
        List<String> lines = new ArrayList<>();
        Measurement base20 = find(CamelHttpVariant.class, 20);
        Measurement def20 = consumer(null, 20);
        if (base20 != null && def20 != null) {
            double r = def20.medianHitsPerSecond() / base20.medianHitsPerSecond();
            lines.add(check(r >= 2, f("20 ms: consumer (default prefetch) at least 2x the camel-http route: %.2fx", r)));
        } else {
            lines.add("- [ ] 20 ms: consumer default vs camel-http route: not measured");
        }
        Measurement p4 = consumer(4, 20);
        if (p4 != null) {
            double limitSeconds = setup.pages() * 0.020 / (1 + 4);
            double seconds = setup.hits() / p4.medianHitsPerSecond();
            double r = seconds / limitSeconds;
            lines.add(check(r <= 1.5, f("20 ms: consumer prefetchPages=4 within 1.5x of the limit (%d pages x 20 ms / 5 "
                                        + "in flight = %.2f s): %.2f s, %.2fx the limit", setup.pages(), limitSeconds,
                    seconds, r)));
        } else {
            lines.add("- [ ] 20 ms: consumer prefetchPages=4 vs the limit: not measured");
        }
        Measurement floor0 = find(JdkHttpFloorVariant.class, 0);
        Measurement def0 = consumer(null, 0);
        if (floor0 != null && def0 != null) {
            double r = floor0.medianHitsPerSecond() / def0.medianHitsPerSecond();
            StringBuilder others = new StringBuilder();
            for (Measurement m : measurements) {
                if (m.latencyMillis == 0 && m.variant instanceof ConsumerVariant c && c.prefetchPages() != null) {
                    others.append(f("%s %.2fx; ", "prefetchPages=" + c.prefetchPages(),
                            floor0.medianHitsPerSecond() / m.medianHitsPerSecond()));
                }
            }
            lines.add(check(r <= 1.3, f("0 ms: consumer (default prefetch) wall time per hit within 1.3x of the floor: "
                                        + "%.2fx (other settings: %s)", r, others.toString().replaceAll("; $", ""))));
            double cpu = def0.medianCpuMicrosPerHit() / floor0.medianCpuMicrosPerHit();
            lines.add(check(cpu <= 1.3, f("0 ms: consumer (default prefetch) client CPU per hit within 1.3x of the floor: "
                                          + "%.1f µs against %.1f µs, %.2fx", def0.medianCpuMicrosPerHit(),
                    floor0.medianCpuMicrosPerHit(), cpu)));
        } else {
            lines.add("- [ ] 0 ms: consumer vs floor: not measured");
        }
        if (smallHeap != null) {
            lines.add(check(smallHeap.passed(), f("%,d-hit crawl by the consumer (default settings) with %s: %s",
                    memoryHits, SmallHeapCheck.MAX_HEAP, smallHeap.report())));
        } else {
            lines.add("- [ ] small-heap crawl: not run (-Dbench.memoryCheck=false)");
        }
        for (long latency : new long[] {0, 20}) {
            // like for like: the same read-ahead on both sides (2 is the consumer's default)
            compareProducer(lines, latency, producer(2, latency), consumer(null, latency), "prefetchPages=2",
                    "default prefetch, 2");
            compareProducer(lines, latency, producer(0, latency), consumer(0, latency), "prefetchPages=0",
                    "prefetchPages=0");
        }
        // issue 9: an export with the producer's default options reads ahead
        Measurement producerDefault20 = producer(null, 20);
        if (base20 != null && producerDefault20 != null) {
            double r = producerDefault20.medianHitsPerSecond() / base20.medianHitsPerSecond();
            lines.add(check(r >= 2, f("20 ms: producer allPages + split streaming (default options) at least 2x the "
                                      + "camel-http route: %.2fx", r)));
        } else {
            lines.add("- [ ] 20 ms: producer allPages (default options) vs camel-http route: not measured");
        }
        return String.join("\n", lines) + "\n";
    }

    private static void compareProducer(List<String> lines, long latency, Measurement producer, Measurement consumer,
                                        String producerSetting, String consumerSetting) {
        if (producer != null && consumer != null) {
            double r = consumer.medianHitsPerSecond() / producer.medianHitsPerSecond();
            lines.add(check(r <= 1.3, f("%d ms: producer allPages + split streaming (%s) within 1.3x of the consumer "
                                        + "(%s): its time per hit is %.2fx the consumer's", latency, producerSetting,
                    consumerSetting, r)));
        }
    }

    private Measurement producer(Integer prefetchPages, long latency) {
        return find(ProducerVariant.class, latency, prefetchPages);
    }

    private Measurement consumer(Integer prefetchPages, long latency) {
        return find(ConsumerVariant.class, latency, prefetchPages);
    }

    /** The measurement of a variant of this type and read-ahead setting ({@code null}: the default). */
    private Measurement find(Class<?> type, long latency, Integer prefetchPages) {
        for (Measurement m : measurements) {
            if (m.latencyMillis == latency && type.isInstance(m.variant)
                && java.util.Objects.equals(m.variant.prefetchPages(), prefetchPages)) {
                return m;
            }
        }
        return null;
    }

    private Measurement find(Class<?> type, long latency) {
        for (Measurement m : measurements) {
            if (m.latencyMillis == latency && type.isInstance(m.variant)) {
                return m;
            }
        }
        return null;
    }

    /** Median hits/s divided by the reference's, or "-" when it was not measured. */
    static String ratio(Measurement m, Measurement reference) {
        return reference == null ? "-" : f("%.2fx", m.medianHitsPerSecond() / reference.medianHitsPerSecond());
    }

    static String check(boolean met, String text) {
        return (met ? "- [x] MET: " : "- [ ] MISSED: ") + text;
    }
}
