package io.github.camelscenario.example.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.main.Main;
import org.apache.curator.test.TestingServer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clustered feed of docs/operations.md, its YAML and properties as written, on two Camel Main instances: an
 * in-process ZooKeeper for the ensemble, an H2 database for PostgreSQL, the local server for Scenario.
 */
@Timeout(90)
class DocsClusteredFeedTest {

    private static final Path DOC = Path.of("..", "docs", "operations.md");

    @TempDir
    Path work;

    private final List<Main> nodes = new ArrayList<>();
    private LocalScenarioServer server;
    private TestingServer zooKeeper;
    private JdbcConnectionPool database;

    @AfterEach
    void stopAll() throws Exception {
        nodes.forEach(Main::stop);
        if (database != null) {
            database.dispose();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The first block of {@code kind} after {@code heading} in the doc. */
    private static String block(String doc, String heading, String kind) {
        int from = doc.indexOf("```" + kind, doc.indexOf(heading)) + 3 + kind.length();
        return doc.substring(from, doc.indexOf("```", from));
    }

    private Main node(Path routes, List<String> properties) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the example's application.properties
        main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath());
        main.bind("feedDataSource", database);
        for (String line : properties) {
            int eq = line.indexOf('=');
            main.addInitialProperty(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        main.addInitialProperty("feed.zookeeper", zooKeeper.getConnectString());
        main.addInitialProperty("feed.node-id", "node-" + (nodes.size() + 1));
        main.addInitialProperty("feed.dam-dir", work.resolve("dam").toString());
        main.addInitialProperty("camel.component.scenario.base-url", server.getBaseUrl());
        main.addInitialProperty("camel.component.scenario.api-key", server.getApiKey());
        main.addInitialProperty("camel.component.scenario.api-secret", server.getApiSecret());
        nodes.add(main);
        return main;
    }

    private Set<String> delivered() throws Exception {
        Path dam = work.resolve("dam");
        if (!Files.isDirectory(dam)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dam)) {
            return files.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toSet());
        }
    }

    @Test
    void theDocumentedYamlFailsOverToTheOtherNode() throws Exception {
        server = LocalScenarioServer.builder().start();
        zooKeeper = new TestingServer(true);
        database = JdbcConnectionPool.create("jdbc:h2:file:" + work.resolve("feeds").toAbsolutePath(), "sa", "");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Path routes = work.resolve("dragon-feed.yaml");
        // as documented, polling every 300 ms instead of 5 minutes
        Files.writeString(routes, block(doc, "### YAML (Camel Main)", "yaml").replace("delay: 300000", "delay: 300"));
        // the configuration class is compiled from the doc's text into the test sources: check it has not drifted
        String javaInDoc = block(doc, "### YAML (Camel Main)", "java").strip();
        String javaInTest = Files.readString(Path.of("src/test/java/com/example/feed/FeedClusterConfiguration.java"))
                .replaceAll("(?s)/\\*\\*.*?\\*/\\s*", "").strip();
        assertThat(javaInTest).isEqualTo(javaInDoc);
        List<String> properties = block(doc, "### YAML (Camel Main)", "properties").lines()
                .filter(l -> l.contains("=") && !l.startsWith("feed.") && !l.startsWith("camel.beans.feedDataSource"))
                .toList();

        Main a = node(routes, properties);
        a.start();
        await().atMost(20, TimeUnit.SECONDS).until(() -> delivered().size() == 87); // tags = dragon in the dataset
        Main b = node(routes, properties);
        b.start();

        a.stop();
        Asset late = new Asset();
        late.setTags(List.of("dragon"));
        String lateId = server.addAsset(late);
        await().atMost(20, TimeUnit.SECONDS).until(() -> delivered().contains(lateId));
        assertThat(delivered()).hasSize(88);
    }
}
