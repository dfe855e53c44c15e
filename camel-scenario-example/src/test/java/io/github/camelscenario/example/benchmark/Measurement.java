package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The repetitions of one variant at one latency. */
final class Measurement {

    final CrawlVariant variant;
    final long latencyMillis;
    final List<Double> hitsPerSecond = new ArrayList<>();
    final List<Long> peakHeapBytes = new ArrayList<>();
    final List<Long> allocatedBytes = new ArrayList<>();
    final List<Long> cpuNanos = new ArrayList<>();
    final List<Long> requests = new ArrayList<>();
    private final int hits;

    Measurement(CrawlVariant variant, long latencyMillis, int hits) {
        this.variant = variant;
        this.latencyMillis = latencyMillis;
        this.hits = hits;
    }

    void add(double seconds, long peakHeap, long allocated, long cpu, long requestCount) {
        cpuNanos.add(cpu);
        hitsPerSecond.add(hits / seconds);
        peakHeapBytes.add(peakHeap);
        allocatedBytes.add(allocated);
        requests.add(requestCount);
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
        return median(allocatedBytes.stream().map(b -> b / 1024.0 / hits).toList());
    }

    double medianCpuMicrosPerHit() {
        return median(cpuNanos.stream().map(n -> n / 1000.0 / hits).toList());
    }

    long maxRequests() {
        return requests.stream().mapToLong(Long::longValue).max().orElse(0);
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
