package io.github.camelscenario.example.benchmark;

/**
 * Runs in the JVM with a small heap that {@link SmallHeapCheck} starts: the consumer at its default settings crawls
 * {@code args[3]} hits from the server at {@code args[0]} (which caps paging at {@code args[4]}) and prints one line
 * {@code hits=... seconds=... peakHeapMb=... maxHeapMb=...}; exit 0 when every hit was counted.
 */
public final class SmallHeapCrawlMain {

    private SmallHeapCrawlMain() {
    }

    public static void main(String[] args) throws Exception {
        CrawlSetup setup = new CrawlSetup(args[0], args[1], args[2], Integer.parseInt(args[3]),
                Long.parseLong(args[4]));
        HitCounter counter = new HitCounter(setup.hits());
        new RunMeter().start();
        long t0 = System.nanoTime();
        try (CrawlVariant.Crawl crawl = new ConsumerVariant(null).prepare(setup, counter)) {
            crawl.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        counter.verify("small-heap crawl");
        System.out.printf("hits=%d seconds=%.2f peakHeapMb=%.1f maxHeapMb=%d%n", counter.count(), seconds,
                RunMeter.peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        System.exit(0);
    }
}
