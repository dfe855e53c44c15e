package io.github.camelscenario.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Paging;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static io.github.camelscenario.scenario.CrawlPages.searchPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The YAML feed example of docs/consumer.md, run as written but for its paths and the server. */
class DocsFeedExampleTest extends ConsumerTestSupport {

    @TempDir
    Path tmp;

    private String yamlFromDocs() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "consumer.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```yaml") + "```yaml".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        return yaml.replace("data/", tmp.toString().replace('\\', '/') + "/")
                .replace("delay: 300000", "delay: 300000\n        initialDelay: 0");
    }

    private void startFeed(CamelContext camel) throws Exception {
        ScenarioComponent scenario = new ScenarioComponent();
        scenario.getConfiguration().setBaseUrl("http://127.0.0.1:" + wireMock.port() + "/v1");
        scenario.getConfiguration().setApiKey("k");
        scenario.getConfiguration().setApiSecret("s");
        camel.addComponent("scenario", scenario);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("feed.yaml", yamlFromDocs()));
        camel.start();
    }

    @Test
    void theYamlFeedWritesOneJsonFilePerNewAssetAndRemembersThemAcrossRestarts() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(okJson(page(1, 100, 2, "a2", "a1"))));
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            startFeed(context);
        } finally {
            System.setErr(original);
        }
        // e.g. Camel's "YAML DSL compact notation detected" on every start of an application that copies the example
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
        Path assets = tmp.resolve("assets");
        await().atMost(5, TimeUnit.SECONDS).until(() -> Files.exists(assets.resolve("a1.json")));
        JsonNode a2 = new ObjectMapper().readTree(assets.resolve("a2.json").toFile());
        assertThat(a2.path("id").asText()).isEqualTo("a2");
        assertThat(a2.path("metadata").path("width").asInt()).isEqualTo(512);
        context.stop();

        // restarted with a new asset on top: only that one is written
        Files.delete(assets.resolve("a1.json"));
        Files.delete(assets.resolve("a2.json"));
        wireMock.stubFor(searchPage(1).willReturn(okJson(page(1, 100, 3, "a3", "a2", "a1"))));
        context = newContext();
        startFeed(context);
        await().atMost(5, TimeUnit.SECONDS).until(() -> Files.exists(assets.resolve("a3.json")));
        await().atMost(2, TimeUnit.SECONDS).until(() -> requestedPages(CrawlPages.step(Paging.DEFAULT_CRAWL_HITS_PER_PAGE)).size() >= 2);
        assertThat(Files.list(assets).map(p -> p.getFileName().toString())).containsExactly("a3.json");
    }
}
