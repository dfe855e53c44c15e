package io.github.camelscenario.example;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;
import org.apache.camel.main.Main;

/**
 * The example: three routes (a classic search, a feed of new assets in YAML DSL, a similar-image inbox) run against
 * the real Scenario API when credentials are set, else against the local server; prints what each found and exits.
 */
public final class ExampleApplication {

    static final int PICTURES = 2;
    static final int NEW_ASSETS = 3;

    private final Map<String, String> env;
    private final Path workDir;
    private final PrintStream out;
    private final long timeoutSeconds;

    public ExampleApplication(Map<String, String> env, Path workDir, PrintStream out, long timeoutSeconds) {
        this.env = env;
        this.workDir = workDir;
        this.out = out;
        this.timeoutSeconds = timeoutSeconds;
    }

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(args.length > 0 ? args[0] : "target/example");
        DemoSummary summary = new ExampleApplication(System.getenv(), workDir, System.out, 60).run();
        System.exit(summary == null ? 1 : 0);
    }

    /** Runs the demo; the summary when every route did its part in time, else {@code null}. */
    public DemoSummary run() throws Exception {
        ScenarioTarget target = ScenarioTarget.fromEnvironment(env);
        clean(workDir);
        LocalScenarioServer server = null;
        try {
            Main main = new Main(ExampleApplication.class);
            main.addInitialProperty("example.work-dir", workDir.toAbsolutePath().toString());
            Supplier<List<String>> addNewAssets;
            String mode;
            if (target == null) {
                server = LocalScenarioServer.builder().start();
                out.println("No SCENARIO_API_KEY/SCENARIO_API_SECRET (nor SCENARIO_SDK_API_KEY/SCENARIO_SDK_API_SECRET) set: "
                            + "searching the local Scenario-compatible server at " + server.getBaseUrl() + " ("
                            + server.getAssetCount() + " demo assets).");
                main.addInitialProperty("camel.component.scenario.base-url", server.getBaseUrl());
                main.addInitialProperty("example.api-key", server.getApiKey());
                main.addInitialProperty("example.api-secret", server.getApiSecret());
                addNewAssets = newAssets(server);
                mode = "local server";
            } else {
                out.println("Credentials found in " + target.source() + ": searching the real Scenario API.");
                main.addInitialProperty("example.api-key", target.apiKey());
                main.addInitialProperty("example.api-secret", target.apiSecret());
                addNewAssets = null; // the demo creates no assets in a real account
                mode = "real Scenario API";
            }
            main.addInitialProperty("example.pictures", String.valueOf(PICTURES));
            DemoSummary summary = new DemoSummary(mode, PICTURES, addNewAssets);
            main.bind("summary", summary);
            // ClassicSearchRoute, PicturesRoute and SimilarImagesRoute are found by Camel Main in this package, feed.yaml
            // by pattern

            main.start();
            boolean finished;
            String operations;
            try {
                finished = summary.await(timeoutSeconds, TimeUnit.SECONDS);
                operations = OperationsReport.of(main.getCamelContext());
            } finally {
                main.stop();
            }
            var properties = main.getCamelContext() != null ? main.getCamelContext().getPropertiesComponent() : null;
            summary.print(out, workDir.toString(),
                    properties != null ? properties.resolveProperty("example.classic.query").orElse("?") : "?",
                    properties != null ? properties.resolveProperty("example.feed.filter").orElse("?") : "?");
            out.println();
            out.print(operations);
            if (!finished) {
                out.println("Not every route finished within " + timeoutSeconds + " s: see the log above.");
            }
            return finished ? summary : null;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Assets the local server adds mid-run, matching the feed's filter (tags = dragon), newest of all. */
    private static Supplier<List<String>> newAssets(LocalScenarioServer server) {
        return () -> {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= NEW_ASSETS; i++) {
                Asset asset = new Asset();
                asset.setTags(List.of("dragon", "new"));
                AssetMetadata metadata = new AssetMetadata();
                metadata.setName("Fresh dragon #" + i);
                metadata.setPrompt("a freshly generated dragon, number " + i);
                asset.setMetadata(metadata);
                ids.add(server.addAsset(asset));
            }
            return ids;
        };
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the work directory " + dir, e);
        }
    }
}
