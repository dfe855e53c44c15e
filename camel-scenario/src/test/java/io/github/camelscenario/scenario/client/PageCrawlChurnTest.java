package io.github.camelscenario.scenario.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live-index property, without Camel: while assets are added and deleted anywhere in the order during a crawl,
 * every asset present from its start to its end is handed out exactly once, and no asset twice, at every read-ahead,
 * with and without a paging cap.
 */
@Timeout(60)
class PageCrawlChurnTest {

    private static final int ASSETS = 300;
    private static final int STEP = 10;

    private final ExecutorService executor = Executors.newFixedThreadPool(5);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    static Stream<Arguments> crawls() {
        // no paging cap, and a cap of 50 (the crawl goes on in keyset windows)
        return Stream.of(0, 50).flatMap(cap -> Stream.of(0, 1, 2, 4).flatMap(prefetch -> IntStream.rangeClosed(1, 40)
                .mapToObj(seed -> Arguments.of(prefetch, seed, cap))));
    }

    @ParameterizedTest(name = "prefetchPages={0}, seed={1}, maxTotalHits={2}")
    @MethodSource("crawls")
    void everyStableAssetExactlyOnceWhileTheIndexChanges(int prefetch, int seed, int cap) throws Exception {
        FakeIndex index = new FakeIndex(STEP).maxTotalHits(cap);
        for (int i = 0; i < ASSETS; i++) {
            index.insert(i, "s" + i);
        }
        Churn churn = new Churn(seed);
        index.beforeAnswer(churn::mutate);

        PageCrawl crawl = new PageCrawl(index, new SearchRequest().setQuery("q").setHitsPerPage(STEP), 0, prefetch,
                prefetch > 0 ? executor : null, 0);
        List<String> handedOut = new ArrayList<>();
        for (PageCrawl.Hit hit = crawl.next(); hit != null; hit = crawl.next()) {
            handedOut.add(hit.asset().getId());
        }

        Map<String, Integer> times = new HashMap<>();
        handedOut.forEach(id -> times.merge(id, 1, Integer::sum));
        assertThat(times).as("seed %d: handed out twice", seed).allSatisfy((id, n) -> assertThat(n).isOne());
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < ASSETS; i++) {
            stable.add("s" + i);
        }
        stable.removeAll(churn.deleted());
        Set<String> missed = new HashSet<>(stable);
        missed.removeAll(handedOut);
        assertThat(missed).as("seed %d: stable assets missed (%d mutations)", seed, churn.count()).isEmpty();
    }

    /** Before some reads: up to three inserts or deletes at random positions, anywhere in the order. */
    private static final class Churn {
        private final Random random;
        private final Set<String> deleted = new HashSet<>();
        private int inserted;
        private int count;

        Churn(long seed) {
            this.random = new Random(seed);
        }

        synchronized void mutate(FakeIndex index) {
            if (random.nextBoolean()) {
                return;
            }
            for (int n = random.nextInt(3) + 1; n > 0; n--) {
                count++;
                if (random.nextBoolean() && index.size() > 1) {
                    deleted.add(index.deleteAt(random.nextInt(index.size())));
                } else {
                    index.insert(random.nextInt(index.size() + 1), "n" + inserted++);
                }
            }
        }

        synchronized Set<String> deleted() {
            return new HashSet<>(deleted);
        }

        synchronized int count() {
            return count;
        }
    }
}
