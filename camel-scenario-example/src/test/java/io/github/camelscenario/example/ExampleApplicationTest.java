package io.github.camelscenario.example;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The example end to end: its three routes against the local server, checked by the files and messages they make. */
class ExampleApplicationTest {

    @TempDir
    Path workDir;

    @Test
    void everyRouteDoesItsJobAgainstTheLocalServer() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoSummary summary = new ExampleApplication(Map.of(), workDir,
                new PrintStream(printed, true, StandardCharsets.UTF_8), 60).run();
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(summary).as(output).isNotNull();
        assertThat(output).contains("searching the local Scenario-compatible server at http://127.0.0.1:");

        // 1. classic: five hits for 'cat', each matching it
        assertThat(summary.getClassicHits()).hasSize(5);
        for (Asset hit : summary.getClassicHits()) {
            String text = (hit.getTags() + " " + hit.getMetadata().getName() + " " + hit.getMetadata().getPrompt() + " "
                           + hit.getDescription()).toLowerCase();
            assertThat(text).contains("cat");
        }

        // 2. feed: one JSON file per asset, named by its id, every one tagged dragon; the assets added mid-run
        // arrived through the next poll, and nothing came twice
        Path feed = workDir.resolve("feed");
        List<Path> files;
        try (Stream<Path> s = Files.list(feed)) {
            files = s.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> fileIds = files.stream().map(p -> p.getFileName().toString().replace(".json", ""))
                .collect(Collectors.toSet());
        assertThat(fileIds).isEqualTo(summary.getFeedIds());
        for (Path file : files) {
            JsonNode asset = json.readTree(file.toFile());
            assertThat(file.getFileName().toString()).isEqualTo(asset.get("id").asText() + ".json");
            assertThat(asset.get("tags").toString()).contains("\"dragon\"");
        }
        assertThat(summary.getFeedFirstCrawl()).isGreaterThan(0);
        assertThat(summary.getAddedWhileRunning()).hasSize(ExampleApplication.NEW_ASSETS);
        assertThat(summary.getFeedIds()).containsAll(summary.getAddedWhileRunning())
                .hasSize(summary.getFeedFirstCrawl() + ExampleApplication.NEW_ASSETS);
        assertThat(summary.getFeedDuplicates()).isEmpty();

        // 3. similar images: the pictures route (content=file) filled the inbox with the newest pictures matching the
        // classic query, named after their assets; each picture's best match is the asset it came from
        assertThat(summary.getSimilar()).hasSize(ExampleApplication.PICTURES);
        summary.getSimilar().forEach((picture, ids) -> assertThat(ids).first()
                .isEqualTo(DemoSummary.sourceOf(picture)));
        assertThat(summary.getSimilar().keySet()).allSatisfy(picture -> assertThat(picture).matches("asset_\\w+\\.(png|jpg)"));
        try (Stream<Path> done = Files.list(workDir.resolve("inbox/.done"))) {
            assertThat(done).hasSize(ExampleApplication.PICTURES);
        }

        assertThat(output).contains("=== camel-scenario example (local server): what each route found ===")
                .contains("classic  query 'cat': 5 hits logged above")
                .contains("3 new assets added while running, 3 picked up by the next poll; none emitted twice")
                .contains("(best match: the asset the picture came from)");

        // what an operator sees (docs/example.md): readiness of the feed and the producers, the scenario console
        assertThat(output).containsPattern("consumer:feed +UP +\\{scenario\\.crawl\\.page=1")
                .containsPattern("producer:scenario://search\\?hitsPerPage=\\d+ +UP")
                .contains("=== dev console 'service' ===")
                .containsPattern("Component: scenario\\s+Direction: in\\s+Hosted: false\\s+Protocol: http\\s+"
                                 + "Service: http://127\\.0\\.0\\.1:\\d+/v1")
                .contains("=== dev console 'scenario' ===")
                .contains("    consumer (route feed)")
                .containsPattern("crawls started \\d+, completed \\d+; exchanges sent 90; polls failed 0")
                .doesNotContain("demo-secret");
    }
}
