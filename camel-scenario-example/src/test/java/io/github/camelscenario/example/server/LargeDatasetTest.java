package io.github.camelscenario.example.server;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 assets, as the benchmarks use: generation stays fast and paging a search stays cheap once its ordering is
 * cached. Bounds are loose (shared CI machines); the measured times are printed.
 */
class LargeDatasetTest {

    @Test
    void generatesAndPagesOneHundredThousandAssetsQuickly() {
        long t0 = System.nanoTime();
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(100_000).maxTotalHits(0).start()) {
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            ScenarioHttp http = new ScenarioHttp(server);
            String body = "{\"filter\": \"kind = image OR kind = 3d\", \"sortBy\": [\"createdAt:desc\"], \"page\": %d, \"hitsPerPage\": 100}";

            long t1 = System.nanoTime();
            ScenarioHttp.Reply first = http.search(body.formatted(1));
            long firstMillis = (System.nanoTime() - t1) / 1_000_000;
            assertThat(first.totalHits()).isGreaterThan(95_000);

            Set<String> ids = new HashSet<>(first.ids());
            int pages = 50;
            long t2 = System.nanoTime();
            for (int page = 2; page <= pages + 1; page++) {
                ids.addAll(http.search(body.formatted(page)).ids());
            }
            double perPage = (System.nanoTime() - t2) / 1e6 / pages;
            assertThat(ids).hasSize((pages + 1) * 100);

            System.out.printf("100,000 assets: start %d ms, first 100-hit page %d ms, further pages %.1f ms each%n",
                    startMillis, firstMillis, perPage);
            assertThat(startMillis).isLessThan(10_000);
            assertThat(perPage).isLessThan(200);
        }
    }
}
