package io.github.camelscenario.example.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.LocalScenarioServer;

/**
 * The memory target: a crawl of many hits by the consumer (default settings) in a JVM started here with
 * {@code -Xmx64m} and this JVM's classpath, against a server running in this JVM behind its default paging cap (so the
 * crawl goes on in keyset windows, as users' crawls do).
 */
final class SmallHeapCheck {

    static final String MAX_HEAP = "-Xmx64m";

    /** What the forked crawl said. */
    record Outcome(boolean passed, int hits, String report) {
    }

    private SmallHeapCheck() {
    }

    static Outcome run(int hits) throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(hits).start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                    SmallHeapCrawlMain.class.getName(), server.getBaseUrl(), server.getApiKey(), server.getApiSecret(),
                    Integer.toString(hits), Long.toString(LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            String result = "(no result line)";
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    output.append(line).append('\n');
                    if (line.startsWith("hits=")) {
                        result = line;
                    }
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(false, hits, "timed out after 5 minutes");
            }
            boolean passed = process.exitValue() == 0;
            if (!passed) {
                System.err.print(output);
            }
            return new Outcome(passed, hits, passed ? result : "exit " + process.exitValue() + ": " + lastLine(output));
        }
    }

    private static String lastLine(StringBuilder output) {
        String[] lines = output.toString().strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
