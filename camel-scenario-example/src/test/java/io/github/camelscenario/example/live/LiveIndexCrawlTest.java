package io.github.camelscenario.example.live;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's live-index property, for the consumer at every prefetch setting with and without onlyNew and for the
 * producer's {@code allPages} stream: while the local server inserts and deletes assets at random positions during
 * the crawl, every asset present from the crawl's start to its end is delivered exactly once by that crawl, past the
 * server's paging cap (1,000 by default, 300 for some kinds) in keyset windows. Each kind
 * of crawl runs over {@link #SEEDS} seeds (dataset and churn both seeded); a failure names every failing seed and what
 * it missed or repeated. Run one seed again with {@code -Dlive.seeds=7} (or {@code 1-50}).
 */
class LiveIndexCrawlTest {

    static final int ASSETS = 1_200;
    static final int SEEDS = 25;
    /** Churn: before every 2nd search request of the crawl, 3 inserts and 3 deletes at random positions. */
    static final int CHURN_EVERY = 2;
    static final int CHURN_INSERTS = 3;
    static final int CHURN_DELETES = 3;

    /**
     * A way of crawling: the consumer or the producer, with endpoint options, against a server whose paging cap is
     * {@code maxTotalHits} (the local server's default, 1,000, unless said: the crawl of {@link #ASSETS} goes past it).
     */
    record Kind(String name, boolean producer, String options, long maxTotalHits) {
        Kind(String name, boolean producer, String options) {
            this(name, producer, options, LocalScenarioServer.DEFAULT_MAX_TOTAL_HITS);
        }

        Crawler open(LocalScenarioServer server) throws Exception {
            return producer ? Crawler.producer(server, options) : Crawler.consumer(server, options);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (int prefetch : new int[] {0, 1, 2, 4}) {
            kinds.add(new Kind("consumer prefetchPages=" + prefetch, false, "prefetchPages=" + prefetch));
            kinds.add(new Kind("consumer prefetchPages=" + prefetch + " onlyNew", false,
                    "prefetchPages=" + prefetch + "&onlyNew=true"));
        }
        // an explicit sortBy keeps a full crawl, and must keep the property too
        kinds.add(new Kind("consumer sortBy=createdAt:asc", false, "sortBy=createdAt:asc"));
        kinds.add(new Kind("producer allPages (defaults)", true, ""));
        kinds.add(new Kind("producer allPages prefetchPages=0", true, "prefetchPages=0"));
        kinds.add(new Kind("producer allPages prefetchPages=4", true, "prefetchPages=4"));
        // a lower cap: four keyset windows, in the default order and in explicit ones (a timestamp, a number whose
        // values many assets share, with createdAt as the tie-break)
        kinds.add(new Kind("consumer prefetchPages=2, cap 300", false, "prefetchPages=2", 300));
        kinds.add(new Kind("consumer prefetchPages=0 onlyNew, cap 300", false, "prefetchPages=0&onlyNew=true", 300));
        kinds.add(new Kind("consumer sortBy=updatedAt:desc, cap 300", false, "sortBy=updatedAt:desc", 300));
        kinds.add(new Kind("consumer sortBy=width:desc, cap 300", false, "sortBy=width:desc", 300));
        kinds.add(new Kind("producer allPages (defaults), cap 300", true, "", 300));
        return kinds.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    @Timeout(300)
    void deliversEveryStableAssetExactlyOnceWhileTheIndexChurns(Kind kind) throws Exception {
        List<String> failures = new ArrayList<>();
        long[] seeds = seeds();
        for (long seed : seeds) {
            String failure = crawlOnce(kind, seed, true);
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertThat(failures)
                .as("%s: %d of %d seed(s) broke 'every asset present from the crawl's start to its end is delivered "
                    + "exactly once' (%,d assets, churn every %d requests: %d inserts, %d deletes at random positions; "
                    + "run one seed again with -Dlive.seeds=N)",
                        kind, failures.size(), seeds.length, ASSETS, CHURN_EVERY, CHURN_INSERTS, CHURN_DELETES)
                .isEmpty();
    }

    /** The harness itself: without churn, every kind of crawl delivers the whole index exactly once. */
    @Test
    @Timeout(120)
    void withoutChurnEveryKindDeliversTheWholeIndexOnce() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Kind kind : kinds().toList()) {
            String failure = crawlOnce(kind, 1, false);
            if (failure != null) {
                failures.add(kind + ": " + failure);
            }
        }
        assertThat(failures).as("crawls of an unchanging index").isEmpty();
    }

    /** One crawl of a fresh server; {@code null} when the property held, else what went wrong. */
    private static String crawlOnce(Kind kind, long seed, boolean churn) throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(ASSETS).seed(seed)
                .maxTotalHits(kind.maxTotalHits()).start();
             Crawler crawler = kind.open(server)) {
            if (churn) {
                server.churn().order(AssetOrder.CREATED_AT_DESC).inserts(CHURN_INSERTS).deletes(CHURN_DELETES)
                        .seed(seed).every(CHURN_EVERY);
            }
            List<String> atStart = server.assetIds(AssetOrder.CREATED_AT_DESC);
            long requestsBefore = server.getSearchRequestCount();
            List<String> delivered;
            try {
                delivered = crawler.crawl();
            } catch (Exception | AssertionError e) {
                return "seed " + seed + ": the crawl failed: " + e;
            }
            server.churn().every(0);
            List<String> atEnd = server.assetIds(AssetOrder.CREATED_AT_DESC);
            DeliveryCheck check = DeliveryCheck.of(atStart, atEnd, delivered);
            if (check.holds()) {
                return null;
            }
            return String.format("seed %d (%d requests, %d churn steps: %d inserted, %d deleted): %s", seed,
                    server.getSearchRequestCount() - requestsBefore, server.churn().steps(),
                    server.churn().inserted().size(), server.churn().deleted().size(), check.describe());
        }
    }

    /** {@code -Dlive.seeds=7} or {@code 3-9}; default 1 to {@link #SEEDS}. */
    private static long[] seeds() {
        String spec = System.getProperty("live.seeds", "1-" + SEEDS).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new long[] {Long.parseLong(spec)};
        }
        return LongStream.rangeClosed(Long.parseLong(spec.substring(0, dash)), Long.parseLong(spec.substring(dash + 1)))
                .toArray();
    }
}
