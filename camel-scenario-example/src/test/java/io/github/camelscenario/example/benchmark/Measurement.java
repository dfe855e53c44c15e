package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The repetitions of one variant against one server (capped or not) at one latency. */
final class Measurement {

    final CrawlVariant variant;
    final CrawlSetup setup;
    final long latencyMillis;
    final List<Double> hitsPerSecond = new ArrayList<>();
    final List<Double> seconds = new ArrayList<>();
    final List<Long> delivered = new ArrayList<>();
    final List<Long> peakHeapBytes = new ArrayList<>();
    final List<Double> allocatedBytesPerHit = new ArrayList<>();
    final List<Double> cpuNanosPerHit = new ArrayList<>();
    final List<Long> requests = new ArrayList<>();

    Measurement(CrawlVariant variant, CrawlSetup setup, long latencyMillis) {
        this.variant = variant;
        this.setup = setup;
        this.latencyMillis = latencyMillis;
    }

    /** One run: its wall time, the hits it delivered, and what it cost. */
    void add(double runSeconds, long hits, long peakHeap, long allocated, long cpu, long requestCount) {
        seconds.add(runSeconds);
        delivered.add(hits);
        cpuNanosPerHit.add(cpu / (double) hits);
        hitsPerSecond.add(hits / runSeconds);
        peakHeapBytes.add(peakHeap);
        allocatedBytesPerHit.add(allocated / (double) hits);
        requests.add(requestCount);
    }

    /** The server's paging: "no cap" or "cap 1,000". */
    String cap() {
        return setup.capLabel();
    }

    double medianHitsPerSecond() {
        return median(hitsPerSecond);
    }

    double minHitsPerSecond() {
        return hitsPerSecond.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double maxHitsPerSecond() {
        return hitsPerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double maxPeakHeapMb() {
        return peakHeapBytes.stream().mapToLong(Long::longValue).max().orElse(0) / 1048576.0;
    }

    double medianAllocatedKbPerHit() {
        return median(allocatedBytesPerHit.stream().map(b -> b / 1024.0).toList());
    }

    double medianCpuMicrosPerHit() {
        return median(cpuNanosPerHit.stream().map(n -> n / 1000.0).toList());
    }

    long maxRequests() {
        return Figures.max(requests);
    }

    double medianRequests() {
        return median(requests.stream().map(Long::doubleValue).toList());
    }

    double medianSeconds() {
        return median(seconds);
    }

    /** Hits each run delivered: the same in every run (the counter checks it), so the first. */
    long hitsDelivered() {
        return delivered.isEmpty() ? 0 : delivered.get(0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
