package io.github.camelscenario.example.server;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.RetryPolicy;
import io.github.camelscenario.scenario.client.ScenarioApiException;
import io.github.camelscenario.scenario.client.SearchHitIterator;
import io.github.camelscenario.scenario.client.SearchPage;
import io.github.camelscenario.scenario.client.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** camel-scenario's own HTTP client against the local server: the two must agree on the contract. */
class ComponentClientInteropTest {

    private static LocalScenarioServer server;
    private static HttpScenarioClient client;

    @BeforeAll
    static void start() {
        server = LocalScenarioServer.builder().assets(2_500).start();
        client = HttpScenarioClient.builder().baseUrl(server.getBaseUrl())
                .credentials(server.getApiKey(), server.getApiSecret())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void readsPagesIntoTheModel() throws Exception {
        SearchPage page = client.search(new SearchRequest().setQuery("dragon").setPage(1).setHitsPerPage(10)
                .setSortBy(List.of("score:desc")).setProjectId(null));
        assertThat(page.getHits()).hasSize(10);
        Asset hit = page.getHits().get(0);
        assertThat(hit.getTags()).contains("dragon");
        assertThat(hit.getMetadata().getSeed()).isNotBlank();
        assertThat(hit.getMetadata().getWidth()).isPositive();
        assertThat(hit.getThumbnail().getUrl()).startsWith(server.getFileOrigin() + "/files/" + hit.getId());
        assertThat(page.getTotalHits()).isEqualTo(page.getEstimatedTotalHits()).isPositive();
        assertThat(page.getTotalPages()).isEqualTo((int) ((page.getTotalHits() + 9) / 10));
    }

    @Test
    void crawlsEveryHitOnce() {
        SearchRequest request = new SearchRequest().setFilter("width > 0");
        Set<String> ids = new HashSet<>();
        try (SearchHitIterator hits = new SearchHitIterator(client, request, 0)) {
            hits.forEachRemaining(a -> ids.add(a.getId()));
        }
        assertThat(ids).hasSize(2_500);
    }

    @Test
    void retriesInjectedFaultsAndReportsBadRequests() throws Exception {
        server.faults().rateLimitEvery(2).retryAfterSeconds(0);
        try {
            for (int i = 0; i < 4; i++) {
                assertThat(client.search(new SearchRequest().setQuery("cat").setLimit(5)).getHits()).hasSize(5);
            }
        } finally {
            server.faults().reset();
        }
        assertThatThrownBy(() -> client.search(new SearchRequest().setFilter("tags = cat ANDD width > 5")))
                .isInstanceOfSatisfying(ScenarioApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getApiMessage()).contains("position 12 near 'ANDD'");
                    assertThat(e.getErrorCode()).isEqualTo("INVALID_REQUEST");
                });
    }
}
