package io.github.camelscenario.example.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs in the JVM with a small heap that {@link SyncBenchmark} starts: the {@code content=file} sync at its defaults
 * of the server at {@code args[0]} ({@code args[3]} assets, behind a paging cap of {@code args[4]}) into the folder
 * {@code args[5]}, and prints one line {@code pictures=... seconds=... peakHeapMb=... maxHeapMb=...}; exit 0 when its
 * poll ended without an error. The benchmark JVM checks the folder afterwards.
 */
public final class SmallHeapSyncMain {

    private SmallHeapSyncMain() {
    }

    public static void main(String[] args) throws Exception {
        CrawlSetup setup = new CrawlSetup(args[0], args[1], args[2], Integer.parseInt(args[3]),
                Long.parseLong(args[4]));
        Path folder = Path.of(args[5]);
        new RunMeter().start();
        long t0 = System.nanoTime();
        try (CrawlVariant.Crawl sync = SyncVariant.component(null).prepare(setup, folder)) {
            sync.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.count();
        }
        System.out.printf("pictures=%d seconds=%.2f peakHeapMb=%.1f maxHeapMb=%d%n", files, seconds,
                RunMeter.peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        System.exit(0);
    }
}
