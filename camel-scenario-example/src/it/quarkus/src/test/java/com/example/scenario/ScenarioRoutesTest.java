package com.example.scenario;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.client.Asset;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application's routes against the server that application.properties names (from the environment). */
@QuarkusTest
class ScenarioRoutesTest {

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate template;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void applicationPropertiesConfigureTheComponent() {
        ScenarioComponent scenario = camelContext.getComponent("scenario", ScenarioComponent.class);
        assertThat(scenario.getConfiguration().getBaseUrl()).isEqualTo(System.getenv("SCENARIO_BASE_URL"));
        assertThat(scenario.getConfiguration().getApiKey()).isEqualTo(System.getenv("SCENARIO_API_KEY"));
        assertThat(scenario.getConfiguration().getApiSecret()).isEqualTo(System.getenv("SCENARIO_API_SECRET"));
    }

    @Test
    void theJavaRouteSearchesTheConfiguredServer() {
        List<?> hits = template.requestBody("direct:search", "cat", List.class);
        assertThat(hits).hasSize(5).allSatisfy(hit -> {
            Asset asset = (Asset) hit;
            assertThat(asset.getTags() + " " + asset.getMetadata().getPrompt()).containsIgnoringCase("cat");
        });
    }

    @Test
    void theYamlFeedWritesEveryMatchingAssetOnceAndReadinessIsUp() throws Exception {
        Exchange answer = template.request("direct:search", e -> e.getMessage().setBody("{\"query\": \"dragon\"}"));
        long dragons = answer.getMessage().getHeader("CamelScenarioTotalHits", Long.class);
        assertThat(dragons).isPositive();

        Path assets = Path.of("data/assets");
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonFiles(assets).size() == dragons);
        assertThat(jsonFiles(assets)).allSatisfy(file -> assertThat(Files.readString(file)).contains(
                "\"id\":\"" + file.getFileName().toString().replace(".json", "") + "\""));
        // the persistent repository remembers every asset written (its entries end with the asset's id)
        List<String> remembered = Files.readAllLines(Path.of("data/scenario-seen.dat")).stream()
                .map(entry -> entry.substring(entry.lastIndexOf(':') + 1)).toList();
        assertThat(remembered).containsAll(jsonFiles(assets).stream()
                .map(file -> file.getFileName().toString().replace(".json", "")).toList());

        // the component's readiness check of the feed, as Camel's registry holds it...
        HealthCheck.Result feed = HealthCheckHelper.invokeReadiness(camelContext).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:dragon-feed")).findFirst().orElseThrow();
        assertThat(feed.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(feed.getDetails()).containsKey("scenario.crawl.page");
        // ...and what a probe gets over HTTP, where Camel Quarkus sums the consumers' and the producers' checks up
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(readiness.toURI()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body().replaceAll("\\s", "")).contains(
                "\"name\":\"camel-consumers\",\"status\":\"UP\"", "\"name\":\"camel-producers\",\"status\":\"UP\"");
    }

    private static List<Path> jsonFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
