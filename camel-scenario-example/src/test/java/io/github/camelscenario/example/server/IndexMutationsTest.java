package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deletions, positioned insertions, the before-search hook and the seeded churn: what searches see afterwards. */
class IndexMutationsTest {

    private static final String ALL = "width > 0";

    private LocalScenarioServer server;
    private ScenarioHttp http;

    @BeforeEach
    void start() {
        server = LocalScenarioServer.builder().assets(300).start();
        http = new ScenarioHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void deletedAssetIsNoLongerFoundAnywhere() {
        List<String> before = pageIds(AssetOrder.CREATED_AT_DESC, 0, 10);
        String gone = before.get(3);
        assertThat(server.deleteAsset(gone)).isTrue();
        assertThat(server.deleteAsset(gone)).isFalse();
        assertThat(server.deleteAsset("asset_nope")).isFalse();

        ScenarioHttp.Reply page = search(AssetOrder.CREATED_AT_DESC, 0, 10);
        assertThat(page.ids()).doesNotContain(gone).startsWith(before.get(0), before.get(1), before.get(2), before.get(4));
        assertThat(page.totalHits()).isEqualTo(299);
        assertThat(page.json().path("estimatedTotalHits").asLong()).isEqualTo(299);
        assertThat(server.getAssetCount()).isEqualTo(299);
        assertThat(server.assetIds(AssetOrder.CREATED_AT_ASC)).hasSize(299).doesNotContain(gone);
        assertThat(http.getWithAuth(server.getBaseUrl() + "/assets/" + gone).status()).isEqualTo(404);
        assertThat(http.search("{\"image\": \"" + gone + "\"}").status()).isEqualTo(404);
    }

    @Test
    void deletesAtAPositionOfAnOrder() {
        List<String> desc = server.assetIds(AssetOrder.CREATED_AT_DESC);
        assertThat(server.deleteAssetAt(AssetOrder.CREATED_AT_DESC, 7)).isEqualTo(desc.get(7));
        assertThat(server.deleteAssetAt(AssetOrder.CREATED_AT_ASC, 0)).isEqualTo(desc.get(299));
        assertThat(pageIds(AssetOrder.CREATED_AT_DESC, 5, 3)).containsExactly(desc.get(5), desc.get(6), desc.get(8));
        assertThatThrownBy(() -> server.deleteAssetAt(AssetOrder.CREATED_AT_DESC, 298))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position must be between 0 and 297");
    }

    @Test
    void insertsBetweenItsNeighboursInCreatedAtOrder() {
        List<String> desc = server.assetIds(AssetOrder.CREATED_AT_DESC);
        String id = server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 120);

        ScenarioHttp.Reply page = search(AssetOrder.CREATED_AT_DESC, 119, 3);
        assertThat(page.ids()).containsExactly(desc.get(119), id, desc.get(120));
        assertThat(page.totalHits()).isEqualTo(301);
        JsonNode hits = page.json().path("hits");
        String newer = hits.get(0).path("createdAt").asText();
        String created = hits.get(1).path("createdAt").asText();
        String older = hits.get(2).path("createdAt").asText();
        assertThat(created).isLessThan(newer).isGreaterThan(older);
        assertThat(hits.get(1).path("updatedAt").asText()).isEqualTo(created);
        // no sortBy: id order, which is creation order, so the same neighbours (ascending)
        ScenarioHttp.Reply byId = http.search("{\"filter\": \"" + ALL + "\", \"offset\": " + (300 - 121) + ", \"limit\": 3}");
        assertThat(byId.ids()).containsExactly(desc.get(120), id, desc.get(119));
        assertThat(server.assetIds(AssetOrder.CREATED_AT_DESC).indexOf(id)).isEqualTo(120);
    }

    @Test
    void insertsAtEitherEndAsTheNewestOrTheOldest() {
        List<String> desc = server.assetIds(AssetOrder.CREATED_AT_DESC);
        String newest = server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 0);
        String oldest = server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 301);
        assertThat(pageIds(AssetOrder.CREATED_AT_DESC, 0, 2)).containsExactly(newest, desc.get(0));
        assertThat(pageIds(AssetOrder.CREATED_AT_ASC, 0, 2)).containsExactly(oldest, desc.get(299));
        // assets added later are newer still
        String added = server.addAssets(1).get(0);
        assertThat(pageIds(AssetOrder.CREATED_AT_DESC, 0, 2)).containsExactly(added, newest);
        assertThatThrownBy(() -> server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 304))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 303");
    }

    @Test
    void insertsAtAPositionOfUpdatedAtOrder() {
        List<String> byUpdate = server.assetIds(AssetOrder.UPDATED_AT_ASC);
        String id = server.insertAssetAt(AssetOrder.UPDATED_AT_ASC, 50);
        assertThat(pageIds(AssetOrder.UPDATED_AT_ASC, 49, 3)).containsExactly(byUpdate.get(49), id, byUpdate.get(50));
    }

    @Test
    void offsetPagingWalksTheOrderExactlyAfterMutations() {
        for (int i = 0; i < 20; i++) {
            server.insertAssetAt(AssetOrder.CREATED_AT_DESC, i * 13);
            server.deleteAssetAt(AssetOrder.CREATED_AT_DESC, 290 - i * 11);
        }
        List<String> walked = new ArrayList<>();
        long total = -1;
        for (int offset = 0; ; offset += 40) {
            ScenarioHttp.Reply r = search(AssetOrder.CREATED_AT_DESC, offset, 40);
            total = r.totalHits();
            assertThat(r.json().path("estimatedTotalHits").asLong()).isEqualTo(total);
            assertThat(r.json().path("totalPages").asLong()).isEqualTo((total + 39) / 40);
            if (r.ids().isEmpty()) {
                break;
            }
            walked.addAll(r.ids());
        }
        assertThat(total).isEqualTo(300);
        assertThat(walked).isEqualTo(server.assetIds(AssetOrder.CREATED_AT_DESC));
    }

    @Test
    void hookChangesTheIndexBeforeTheChosenRequest() {
        List<String> inserted = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.beforeSearch(n -> {
            if (n == 3) {
                inserted.add(server.insertAssetAt(AssetOrder.CREATED_AT_DESC, 0));
            }
        });
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(300);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(300);
        ScenarioHttp.Reply third = search(AssetOrder.CREATED_AT_DESC, 0, 1);
        assertThat(third.totalHits()).isEqualTo(301);
        assertThat(third.ids()).isEqualTo(inserted);

        server.beforeSearch(n -> {
            throw new IllegalStateException("test hook broke");
        });
        ScenarioHttp.Reply broken = search(AssetOrder.CREATED_AT_DESC, 0, 1);
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.message()).contains("test hook broke");
        server.beforeSearch(null);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).status()).isEqualTo(200);
    }

    @Test
    void churnStepsEveryNthRequestFromItsSeed() {
        server.churn().inserts(3).deletes(2).seed(7).maxSteps(2).every(2);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(300);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(301);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(301);
        assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(302);
        for (int i = 0; i < 4; i++) {
            assertThat(search(AssetOrder.CREATED_AT_DESC, 0, 1).totalHits()).isEqualTo(302); // maxSteps reached
        }
        assertThat(server.churn().steps()).isEqualTo(2);
        List<String> inserted = server.churn().inserted();
        List<String> deleted = server.churn().deleted();
        assertThat(inserted).hasSize(6).doesNotHaveDuplicates();
        assertThat(deleted).hasSize(4).doesNotHaveDuplicates();
        List<String> now = server.assetIds(AssetOrder.CREATED_AT_DESC);
        assertThat(now).doesNotContainAnyElementsOf(deleted);
        assertThat(now).containsAll(inserted.stream().filter(id -> !deleted.contains(id)).toList());

        // the same seed on the same dataset makes the same steps
        try (LocalScenarioServer twin = LocalScenarioServer.builder().assets(300).start()) {
            twin.churn().inserts(3).deletes(2).seed(7).maxSteps(2).every(2);
            ScenarioHttp twinHttp = new ScenarioHttp(twin);
            for (int i = 0; i < 4; i++) {
                twinHttp.search("{\"filter\": \"" + ALL + "\", \"limit\": 1}");
            }
            assertThat(twin.churn().inserted()).isEqualTo(inserted);
            assertThat(twin.churn().deleted()).isEqualTo(deleted);
        }

        server.churn().reset();
        assertThat(server.churn().inserted()).isEmpty();
        search(AssetOrder.CREATED_AT_DESC, 0, 1);
        search(AssetOrder.CREATED_AT_DESC, 0, 1);
        assertThat(server.churn().steps()).isZero();
    }

    @Test
    void validatesChurnKnobs() {
        assertThatThrownBy(() -> server.churn().every(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("churn every").hasMessageContaining("-1");
        assertThatThrownBy(() -> server.churn().inserts(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("churn inserts");
        assertThatThrownBy(() -> server.churn().deletes(-3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.churn().maxSteps(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.churn().order(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(30)
    void churnUnderConcurrentSearchesKeepsEveryPageConsistent() throws Exception {
        server.churn().inserts(2).deletes(2).seed(3).every(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ScenarioHttp.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int offset = (i * 37) % 280;
                calls.add(CompletableFuture.supplyAsync(() -> search(AssetOrder.CREATED_AT_DESC, offset, 20), pool));
            }
            for (CompletableFuture<ScenarioHttp.Reply> c : calls) {
                ScenarioHttp.Reply r = c.get(20, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                // as many assets as ever: two in, two out per step, atomically
                assertThat(r.totalHits()).isEqualTo(300);
                assertThat(r.ids()).hasSize(20).doesNotHaveDuplicates();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.churn().steps()).isEqualTo(200);
        assertThat(server.getAssetCount()).isEqualTo(300);
        server.churn().every(0);
        List<String> desc = server.assetIds(AssetOrder.CREATED_AT_DESC);
        assertThat(pageIds(AssetOrder.CREATED_AT_DESC, 0, 100)).isEqualTo(desc.subList(0, 100));
    }

    private ScenarioHttp.Reply search(AssetOrder order, int offset, int limit) {
        return http.search("{\"filter\": \"" + ALL + "\", \"sortBy\": [\"" + order.sortBy() + "\"], \"offset\": " + offset
                           + ", \"limit\": " + limit + "}");
    }

    private List<String> pageIds(AssetOrder order, int offset, int limit) {
        ScenarioHttp.Reply r = search(order, offset, limit);
        assertThat(r.status()).isEqualTo(200);
        return r.ids();
    }
}
