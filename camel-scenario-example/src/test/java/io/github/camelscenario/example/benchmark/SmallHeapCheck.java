package io.github.camelscenario.example.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.LocalScenarioServer;

/**
 * The memory targets: a run in a JVM started here with {@code -Xmx64m} and this JVM's classpath, against a server
 * running in this JVM. {@link #run(int)}: a crawl of many hits by the consumer (default settings) behind the server's
 * default paging cap (so the crawl goes on in keyset windows, as users' crawls do); {@link SyncBenchmark} forks its
 * sync the same way ({@link #fork}).
 */
final class SmallHeapCheck {

    static final String MAX_HEAP = "-Xmx64m";
    private static final long TIMEOUT_MINUTES = 10;

    /** What the forked run said. */
    record Outcome(boolean passed, String report) {
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
    static Outcome fork(Class<?> main, String resultPrefix, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        String result = "(no result line)";
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                output.append(line).append('\n');
                if (line.startsWith(resultPrefix)) {
                    result = line;
                }
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Outcome(false, "timed out after " + TIMEOUT_MINUTES + " minutes");
        }
        boolean passed = process.exitValue() == 0;
        if (!passed) {
            System.err.print(output);
        }
        return new Outcome(passed, passed ? result : "exit " + process.exitValue() + ": " + lastLine(output));
    }

    private static String lastLine(StringBuilder output) {
        String[] lines = output.toString().strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
