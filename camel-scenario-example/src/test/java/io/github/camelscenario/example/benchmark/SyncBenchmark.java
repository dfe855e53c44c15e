package io.github.camelscenario.example.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;

import static io.github.camelscenario.example.benchmark.Figures.f;
import static io.github.camelscenario.example.benchmark.Figures.max;

/**
 * Sync rows: an {@code onlyNew=true} consumer syncing a library's pictures into an empty folder, with
 * {@code content=file} (at its defaults, and at other downloadConcurrency values) against the route a user writes
 * without it ({@link SyncVariant#handWritten()}). One server (its default paging cap, pictures padded to
 * {@code fileSize} bytes, the same latency added to every search and every file download); in each round the variants
 * run one after another; after each run the folder is checked to hold every picture whole ({@link PictureFolder}) and
 * emptied. Then, when asked, the same sync by {@code content=file} at its defaults in a forked {@code -Xmx64m} JVM.
 */
final class SyncBenchmark {

    /** The target: a {@code content=file} sync at 20 ms at least this many times the hand-written route's rate. */
    static final double TARGET_RATIO = 3;
    private static final double MB = 1048576.0;
    private static final com.sun.management.OperatingSystemMXBean OS
            = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param concurrencies downloadConcurrency values of the extra {@code content=file} rows
     * @param smallHeap     whether to run the sync in a forked {@code -Xmx64m} JVM too
     */
    record Settings(int assets, long fileSize, long latencyMillis, List<Integer> concurrencies, int reps, int warmups,
                    boolean smallHeap) {

        /**
         * {@code bench.syncAssets} (2000), {@code bench.syncFileSize} (2 MB), {@code bench.syncLatency} (20),
         * {@code bench.syncConcurrency} (1,8), {@code bench.syncWarmups} (1: a round is 2,000 exchanges per variant),
         * the run's repetitions.
         */
        static Settings fromSystemProperties(int reps, boolean smallHeap) {
            String concurrency = System.getProperty("bench.syncConcurrency", "1,4").strip();
            List<Integer> concurrencies = concurrency.isEmpty() ? List.of()
                    : Arrays.stream(concurrency.split(",")).map(String::strip).map(Integer::valueOf).toList();
            return new Settings(Integer.getInteger("bench.syncAssets", 2_000),
                    Long.getLong("bench.syncFileSize", 2L * 1024 * 1024), Long.getLong("bench.syncLatency", 20),
                    concurrencies, reps, Integer.getInteger("bench.syncWarmups", 1), smallHeap);
        }

        long bytesPerSync() {
            return assets * fileSize;
        }
    }

    /** The runs of one variant. */
    private static final class Row {
        final SyncVariant variant;
        final List<Double> seconds = new ArrayList<>();
        final List<Double> clientCpuMillisPerPicture = new ArrayList<>();
        final List<Double> coresBusy = new ArrayList<>();
        final List<Long> searchRequests = new ArrayList<>();
        final List<Long> fileRequests = new ArrayList<>();
        final List<Long> peakHeapBytes = new ArrayList<>();

        Row(SyncVariant variant) {
            this.variant = variant;
        }

        double medianSeconds() {
            return Measurement.median(seconds);
        }
    }

    private SyncBenchmark() {
    }

    /** Runs the rows (and the small-heap sync) and returns them as a Markdown section (table and targets). */
    static String run(Settings s) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(SyncVariant.component(null)));
        s.concurrencies().forEach(c -> rows.add(new Row(SyncVariant.component(c))));
        rows.add(new Row(SyncVariant.handWritten()));
        SmallHeapCheck.Outcome smallHeap = null;
        Path folder = Files.createTempDirectory("scenario-sync-benchmark-");
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(s.assets()).fileSize(s.fileSize())
                .latencyMillis(s.latencyMillis()).fileLatencyMillis(s.latencyMillis()).start()) {
            checkDiskSpace(folder, s);
            CrawlSetup setup = CrawlSetup.of(server, LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS);
            Set<String> ids = Set.copyOf(server.assetIds(AssetOrder.CREATED_AT_DESC));
            System.out.printf("Sync: %,d assets, pictures of %,d bytes (%.1f GB a sync) into %s, %d ms on searches and "
                              + "downloads%n", s.assets(), s.fileSize(), s.bytesPerSync() / 1e9, folder, s.latencyMillis());
            for (int round = -s.warmups(); round < s.reps(); round++) {
                for (Row row : rows) {
                    syncOnce(server, setup, folder, ids, s, row, round);
                }
            }
            if (s.smallHeap()) {
                System.out.printf("Small-heap sync: %,d pictures in a JVM with %s...%n", s.assets(), SmallHeapCheck.MAX_HEAP);
                smallHeap = smallHeapSync(server, setup, folder, ids, s);
                System.out.println("  " + smallHeap.report());
            }
        } finally {
            try (var left = Files.list(folder)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
        return report(rows, s, smallHeap);
    }

    private static void syncOnce(LocalScenarioServer server, CrawlSetup setup, Path folder, Set<String> ids,
                                 Settings s, Row row, int round) throws Exception {
        RunMeter meter = new RunMeter();
        double seconds;
        long cpu;
        long processCpu;
        long searches;
        long files;
        try (CrawlVariant.Crawl sync = row.variant.prepare(setup, folder)) {
            meter.start();
            long searchesBefore = server.getSearchRequestCount();
            long filesBefore = server.getFileRequestCount();
            long processCpuBefore = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            sync.run();
            seconds = (System.nanoTime() - t0) / 1e9;
            processCpu = OS.getProcessCpuTime() - processCpuBefore;
            cpu = meter.cpuNanos();
            searches = server.getSearchRequestCount() - searchesBefore;
            files = server.getFileRequestCount() - filesBefore;
        }
        long peak = RunMeter.peakHeapBytes();
        long bytes = PictureFolder.verifyAndEmpty(folder, ids, s.fileSize(), row.variant.name());
        System.out.printf("%-9s sync %-56s %6.2f s %7.1f pictures/s %6.1f MB/s %4d searches %5d downloads%n",
                round < 0 ? "warm-up" : "rep " + (round + 1), row.variant.name(), seconds, s.assets() / seconds,
                bytes / MB / seconds, searches, files);
        if (round >= 0) {
            row.seconds.add(seconds);
            row.clientCpuMillisPerPicture.add(cpu / 1e6 / s.assets());
            row.coresBusy.add(processCpu / 1e9 / seconds);
            row.searchRequests.add(searches);
            row.fileRequests.add(files);
            row.peakHeapBytes.add(peak);
        }
    }

    /** The sync by {@code content=file} at its defaults in a forked small-heap JVM; the folder is checked here. */
    private static SmallHeapCheck.Outcome smallHeapSync(LocalScenarioServer server, CrawlSetup setup, Path folder,
                                                        Set<String> ids, Settings s) throws Exception {
        SmallHeapCheck.Outcome forked = SmallHeapCheck.fork(SmallHeapSyncMain.class, "pictures=", setup.baseUrl(),
                setup.apiKey(), setup.apiSecret(), Integer.toString(s.assets()),
                Long.toString(LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS), folder.toString());
        try {
            PictureFolder.verifyAndEmpty(folder, ids, s.fileSize(), "the small-heap sync");
        } catch (IllegalStateException e) {
            return new SmallHeapCheck.Outcome(false, forked.report() + "; " + e.getMessage());
        }
        return forked;
    }

    private static void checkDiskSpace(Path folder, Settings s) throws Exception {
        // the folder holds a whole sync until it is checked; the downloads ahead sit in java.io.tmpdir meanwhile
        long needed = s.bytesPerSync() + 33 * s.fileSize() + (1L << 30);
        long usable = Files.getFileStore(folder).getUsableSpace();
        if (usable < needed) {
            throw new IllegalStateException(f("The sync rows need %.1f GB free under %s (a whole sync, the downloads "
                                              + "ahead, 1 GB to spare), %.1f GB are: lower bench.syncAssets or "
                                              + "bench.syncFileSize, or -Dbench.sync=false", needed / 1e9, folder,
                    usable / 1e9));
        }
    }

    private static String report(List<Row> rows, Settings s, SmallHeapCheck.Outcome smallHeap) {
        StringBuilder t = new StringBuilder();
        t.append(f("Syncs of a %,d-asset library into an empty folder by an onlyNew=true consumer: pictures of %,d bytes "
                   + "(%.1f MB, %.2f GB a sync), behind the server's default paging cap (%,d), %d ms added to every "
                   + "search and to every file download; %d repetition(s) after %d warm-up round(s), variants "
                   + "interleaved within each round.%n%n", s.assets(), s.fileSize(), s.fileSize() / MB,
                s.bytesPerSync() / 1e9, LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS, s.latencyMillis(), s.reps(),
                s.warmups()));
        t.append("| sync | pictures whole (each run) | median pictures/s | min..max pictures/s | MB/s (median) | "
                 + "vs hand-written route | s per sync (median) | search requests (max) | file requests (max) | "
                 + "client CPU ms/picture | JVM CPU, cores busy | peak heap MB |\n");
        t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Row route = rows.stream().filter(r -> r.variant.handWrittenRoute()).findFirst().orElseThrow();
        for (Row r : rows) {
            double median = s.assets() / r.medianSeconds();
            t.append(f("| %s | %,d | %.1f | %.1f..%.1f | %.1f | %.2fx | %.1f | %d | %d | %.2f | %.2f | %.0f |%n",
                    r.variant.name(), s.assets(), median,
                    s.assets() / r.seconds.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
                    s.assets() / r.seconds.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                    s.bytesPerSync() / MB / r.medianSeconds(), route.medianSeconds() / r.medianSeconds(),
                    r.medianSeconds(), max(r.searchRequests), max(r.fileRequests),
                    Measurement.median(r.clientCpuMillisPerPicture), Measurement.median(r.coresBusy),
                    max(r.peakHeapBytes) / MB));
        }
        t.append("\npictures whole: every run is checked to leave exactly one file per asset, named by its id, of the "
                 + "file host's size and starting like a PNG or JPEG (else the run fails). MB/s: MB of pictures "
                 + "written per second (1 MB = 1,048,576 bytes). vs hand-written route: median pictures/s divided by "
                 + "the route's. file requests: requests the file host counted (one per picture: no retries). "
                 + "client CPU: CPU time of every thread but the local server's, per picture. JVM CPU, cores busy: "
                 + "the benchmark JVM's CPU time (client, server and collector) divided by the wall time. peak heap: "
                 + "as in the main table (server included, largest over the repetitions).\n\n");
        Row defaults = rows.get(0);
        double ratio = route.medianSeconds() / defaults.medianSeconds();
        t.append(Report.check(ratio >= TARGET_RATIO, f("%d ms, %,d pictures of %.1f MB: content=file at its defaults at "
                                                       + "least %.0fx the hand-written route (pictures/s): %.2fx (%.1f "
                                                       + "against %.1f pictures/s)", s.latencyMillis(), s.assets(),
                s.fileSize() / MB, TARGET_RATIO, ratio, s.assets() / defaults.medianSeconds(),
                s.assets() / route.medianSeconds()))).append('\n');
        if (smallHeap != null) {
            t.append(Report.check(smallHeap.passed(), f("%,d-picture sync (%.1f MB each) by content=file at its "
                                                        + "defaults with %s completes, every picture whole: %s",
                    s.assets(), s.fileSize() / MB, SmallHeapCheck.MAX_HEAP, smallHeap.report()))).append('\n');
        } else {
            t.append("- [ ] small-heap sync: not run (-Dbench.memoryCheck=false)\n");
        }
        return t.toString();
    }
}
