package io.github.camelscenario.example.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A feed process killed with SIGKILL in the middle of its first crawl (past the server's paging cap), then started
 * again on the same repository: a file, or a database that outlives the process (H2 served over TCP by this test, as a
 * database server would). Every asset is delivered, and only what was in flight when it died (the one exchange of a
 * synchronous route) may be delivered twice.
 */
class FeedCrashTest {

    private static final int ASSETS = 1_000;
    private static final int CAP = 300;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} repository")
    @ValueSource(strings = { "file", "jdbc" })
    @Timeout(300)
    void aFeedKilledMidCrawlLosesNothingAndRepeatsAtMostWhatWasInFlight(String repository) throws Exception {
        Server database = repository.equals("jdbc") ? Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start() : null;
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(ASSETS).maxTotalHits(CAP).start()) {
            Path log = tmp.resolve("delivered.txt");
            String store = database == null ? tmp.resolve("repository.dat").toString()
                    : "jdbc:h2:tcp://localhost:" + database.getPort() + "/mem:feed;DB_CLOSE_DELAY=-1";

            Process first = feed(server, repository, store, log);
            try {
                await().atMost(90, TimeUnit.SECONDS).failFast("the feed process ended: see feed-process.log",
                        () -> !first.isAlive()).until(() -> lines(log).size() >= CAP + 100);
            } finally {
                // SIGKILL: no shutdown hook, nothing flushed, the crawl's state gone
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            int beforeRestart = lines(log).size();
            assertThat(beforeRestart).as("killed mid-crawl").isLessThan(ASSETS);

            Process second = feed(server, repository, store, log);
            try {
                Set<String> expected = new HashSet<>(server.assetIds(AssetOrder.CREATED_AT_DESC));
                await().atMost(120, TimeUnit.SECONDS).until(() -> new HashSet<>(lines(log)).containsAll(expected));
            } finally {
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            List<String> delivered = lines(log);
            assertThat(new HashSet<>(delivered)).hasSize(ASSETS);
            // the exchange in flight when the process died was written, not yet recorded
            assertThat(delivered.size() - ASSETS).as("assets delivered twice").isLessThanOrEqualTo(1);
        } finally {
            if (database != null) {
                database.stop();
            }
        }
    }

    private Process feed(LocalScenarioServer server, String repository, String store, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                FeedProcessMain.class.getName(), server.getBaseUrl(), server.getApiKey(), server.getApiSecret(),
                repository, store, log.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("feed-process.log").toFile())).start();
    }

    private static List<String> lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        // a line being written when the process died may be cut: only whole lines count
        String text = Files.readString(log);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
