package io.github.camelscenario.example.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.LocalScenarioServer;

/**
 * The memory targets: a run in a JVM started here with {@code -Xmx64m} and this JVM's classpath, against a server
 * running in this JVM. {@link #run(int)}: a crawl of many hits by the consumer (default settings) behind the server's
 * default paging cap (so the crawl goes on in keyset windows, as users' crawls do); {@link SyncBenchmark} forks its
 * sync the same way ({@link #fork}), and so does the download test of the server.
 */
public final class SmallHeapCheck {

    public static final String MAX_HEAP = "-Xmx64m";
    private static final long TIMEOUT_MINUTES = 10;

    /** What the forked run said. */
    public record Outcome(boolean passed, String report) {
    }

    private SmallHeapCheck() {
    }

    static Outcome run(int hits) throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(hits).start()) {
            return fork(SmallHeapCrawlMain.class, "hits=", server.getBaseUrl(), server.getApiKey(),
                    server.getApiSecret(), Integer.toString(hits), Long.toString(LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS));
        }
    }

    /**
     * Runs {@code main} with {@code args} in a JVM with {@link #MAX_HEAP}; passed when it exits 0, and then its report
     * is its output line starting with {@code resultPrefix}.
     */
    public static Outcome fork(Class<?> main, String resultPrefix, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        // output to a file: a chatty child never blocks on a full pipe, and the wait below is the only one
        Path log = Files.createTempFile("small-heap-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited;
            try {
                exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } finally {
                if (process.isAlive()) { // timed out, or the caller's own timeout interrupted the wait
                    process.destroyForcibly();
                }
            }
            if (!exited) {
                process.waitFor(10, TimeUnit.SECONDS);
                return new Outcome(false, "timed out after " + TIMEOUT_MINUTES + " minutes");
            }
            String output = Files.readString(log);
            boolean passed = process.exitValue() == 0;
            if (!passed) {
                System.err.print(output);
            }
            String result = output.lines().filter(l -> l.startsWith(resultPrefix)).reduce((a, b) -> b)
                    .orElse("(no result line)");
            return new Outcome(passed, passed ? result : "exit " + process.exitValue() + ": " + lastLine(output));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
