package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault and load knobs, additions while running, life cycle. Each test gets a fresh small server. */
class ServerKnobsTest {

    private static final String BODY = "{\"query\": \"cat\", \"limit\": 5}";

    private LocalScenarioServer server;
    private ScenarioHttp http;

    @BeforeEach
    void start() {
        server = LocalScenarioServer.builder().assets(500).start();
        http = new ScenarioHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rateLimitsEveryNthRequestWithRetryAfter() {
        server.faults().rateLimitEvery(3).retryAfterSeconds(2);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ScenarioHttp.Reply r = http.search(BODY);
            statuses.add(r.status());
            if (r.status() == 429) {
                assertThat(r.raw().headers().firstValue("Retry-After")).hasValue("2");
                assertThat(r.json().path("remainingSeconds").asInt()).isEqualTo(2);
                assertThat(r.code()).isEqualTo("TOO_MANY_REQUESTS");
            }
        }
        assertThat(statuses).containsExactly(200, 200, 429, 200, 200, 429);
        assertThat(server.getSearchRequestCount()).isEqualTo(6);
        assertThat(server.getSearchesAnswered()).isEqualTo(4);

        server.faults().rateLimitEvery(0);
        assertThat(http.search(BODY).status()).isEqualTo(200);
    }

    @Test
    void answers503AtTheConfiguredRate() {
        server.faults().errorRate(1.0);
        ScenarioHttp.Reply r = http.search(BODY);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(r.message()).isNotBlank();

        server.faults().errorRate(0.5).errorSeed(7);
        List<Integer> first = statuses(20);
        server.faults().errorSeed(7);
        List<Integer> again = statuses(20);
        assertThat(first).isEqualTo(again).contains(200, 503);

        server.faults().reset();
        assertThat(statuses(5)).containsOnly(200);
    }

    @Test
    void addsLatencyWithoutSerialisingConcurrentRequests() throws Exception {
        server.faults().latencyMillis(200);
        long t0 = System.nanoTime();
        assertThat(http.search(BODY).status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            long t1 = System.nanoTime();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int page = i + 1;
                calls.add(CompletableFuture.supplyAsync(
                        () -> http.search("{\"query\": \"cat\", \"page\": " + page + ", \"hitsPerPage\": 10}").status(), pool));
            }
            for (CompletableFuture<Integer> c : calls) {
                assertThat(c.get()).isEqualTo(200);
            }
            // five sequential 200 ms waits would take 1 s
            assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(700);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void showsAddedAssetsAsTheNewest() {
        long before = http.search("{\"filter\": \"width > 0\"}").totalHits();
        List<String> added = server.addAssets(3);
        assertThat(added).hasSize(3);
        ScenarioHttp.Reply newest = http.search("{\"filter\": \"width > 0\", \"sortBy\": [\"createdAt:desc\"], \"limit\": 3}");
        assertThat(newest.totalHits()).isEqualTo(before + 3);
        assertThat(newest.ids()).containsExactlyInAnyOrderElementsOf(added);
        assertThat(server.getAssetCount()).isEqualTo(503);

        Asset template = new Asset();
        template.setTags(List.of("unicorn", "rainbow"));
        AssetMetadata metadata = new AssetMetadata();
        metadata.setName("Sparkling Unicorn");
        metadata.setPrompt("a sparkling unicorn under a rainbow");
        metadata.setWidth(640);
        template.setMetadata(metadata);
        String id = server.addAsset(template);
        ScenarioHttp.Reply unicorn = http.search("{\"query\": \"unicorn\"}");
        assertThat(unicorn.ids()).containsExactly(id);
        assertThat(unicorn.json().path("hits").get(0).path("metadata").path("width").asInt()).isEqualTo(640);
        assertThat(http.search("{\"filter\": \"tags = rainbow AND width = 640\"}").ids()).containsExactly(id);
        assertThat(http.search("{\"image\": \"" + id + "\", \"limit\": 1}").ids()).containsExactly(id);
        assertThat(http.get(server.imageUrl(id)).status()).isEqualTo(200);
    }

    @Test
    void validatesKnobs() {
        assertThatThrownBy(() -> server.faults().errorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().latencyMillis(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().rateLimitEvery(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.addAssets(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsQuicklyOnAFreePortAndStopsCleanly() {
        long t0 = System.nanoTime();
        LocalScenarioServer other = LocalScenarioServer.builder().start();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        try {
            assertThat(millis).isLessThan(1_000);
            assertThat(other.getPort()).isPositive().isNotEqualTo(server.getPort());
            assertThat(other.getBaseUrl()).isEqualTo("http://127.0.0.1:" + other.getPort() + "/v1");
            assertThat(other.getAssetCount()).isEqualTo(LocalScenarioServer.DEFAULT_ASSETS);
            assertThat(new ScenarioHttp(other).search(BODY).status()).isEqualTo(200);
        } finally {
            other.stop();
        }
        other.stop(); // idempotent
        assertThatThrownBy(() -> new ScenarioHttp(other).search(BODY)).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void generatesTheSameDatasetFromTheSameSeed() {
        try (LocalScenarioServer twin = LocalScenarioServer.builder().assets(500).start()) {
            assertThat(new ScenarioHttp(twin).search(BODY).ids()).isEqualTo(http.search(BODY).ids());
        }
    }

    private List<Integer> statuses(int n) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(http.search(BODY).status());
        }
        return statuses;
    }
}
