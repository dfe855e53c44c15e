package io.github.camelscenario.example;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.camelscenario.scenario.ScenarioConstants;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;

/**
 * What each route found, collected as the routes run; knows when the demo is over and prints the summary. The routes
 * call it as the bean {@code summary}.
 */
public class DemoSummary {

    private final String mode;
    private final Supplier<List<String>> addNewAssets;

    private final CountDownLatch classicDone = new CountDownLatch(1);
    private final CountDownLatch feedDone = new CountDownLatch(1);
    private final CountDownLatch similarDone;

    private volatile Long classicTotal;
    private final List<Asset> classicHits = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> feedIds = ConcurrentHashMap.newKeySet();
    private final List<String> feedDuplicates = Collections.synchronizedList(new ArrayList<>());
    private volatile int feedFirstCrawl = -1;
    private volatile List<String> addedWhileRunning = List.of();
    private final Map<String, List<String>> similar = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param addNewAssets adds assets the feed should pick up, returning their ids; {@code null} against the real API,
     *                     where the demo cannot create assets
     */
    public DemoSummary(String mode, int pictures, Supplier<List<String>> addNewAssets) {
        this.mode = mode;
        this.addNewAssets = addNewAssets;
        this.similarDone = new CountDownLatch(pictures);
    }

    // classic route

    public void classicSearched(Exchange exchange) {
        classicTotal = exchange.getMessage().getHeader(ScenarioConstants.TOTAL_HITS, Long.class);
    }

    public void classicHit(Asset asset) {
        classicHits.add(asset);
    }

    public void classicDone() {
        classicDone.countDown();
    }

    // feed route (YAML)

    public void feedHit(Exchange exchange) {
        String id = exchange.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class);
        if (id != null && !feedIds.add(id)) {
            feedDuplicates.add(id);
        }
        boolean pollComplete = exchange.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class);
        if (pollComplete && feedFirstCrawl < 0) {
            feedFirstCrawl = feedIds.size();
            if (addNewAssets == null) {
                feedDone.countDown();
            } else {
                // new assets appear while the route runs: the next poll must emit exactly these
                addedWhileRunning = addNewAssets.get();
            }
        } else if (feedFirstCrawl >= 0 && feedIds.containsAll(addedWhileRunning)) {
            feedDone.countDown();
        }
    }

    // similar-images route

    public void similarFound(Exchange exchange) {
        String picture = exchange.getMessage().getHeader("picture", String.class);
        @SuppressWarnings("unchecked")
        List<Asset> hits = exchange.getMessage().getBody(List.class);
        similar.put(picture, hits.stream().map(Asset::getId).collect(Collectors.toList()));
        similarDone.countDown();
    }

    /** Waits until every route has done its part, or the time is up. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (CountDownLatch latch : List.of(classicDone, feedDone, similarDone)) {
            if (!latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    public void print(PrintStream out, String workDir, String query, String filter) {
        out.println();
        out.println("=== camel-scenario example (" + mode + "): what each route found ===");
        out.printf("classic  query '%s': %d hits logged above, of %s in all%n", query, classicHits.size(),
                classicTotal == null ? "?" : classicTotal);
        if (feedFirstCrawl < 0) {
            out.printf("feed     filter '%s': %d assets written, the first crawl did not finish in time%n", filter,
                    feedIds.size());
        } else {
            out.printf("feed     filter '%s': first crawl wrote %d assets to %s/feed, one JSON file each%n", filter,
                    feedFirstCrawl, workDir);
            if (addNewAssets != null) {
                long seen = addedWhileRunning.stream().filter(feedIds::contains).count();
                out.printf("         %d new assets added while running, %d picked up by the next poll; %s%n",
                        addedWhileRunning.size(), seen, feedDuplicates.isEmpty()
                                ? "none emitted twice" : feedDuplicates.size() + " emitted twice: " + feedDuplicates);
            }
        }
        if (similar.isEmpty()) {
            out.println("similar  no picture was searched");
        }
        similar.forEach((picture, ids) -> {
            String source = sourceOf(picture);
            String verdict = !ids.isEmpty() && ids.get(0).equals(source)
                    ? "  (best match: the asset the picture came from)" : "";
            out.printf("similar  %s (picture of %s) -> %s%s%n", picture, source, ids, verdict);
        });
    }

    // for tests

    public List<Asset> getClassicHits() {
        return List.copyOf(classicHits);
    }

    public Set<String> getFeedIds() {
        return Set.copyOf(feedIds);
    }

    public int getFeedFirstCrawl() {
        return feedFirstCrawl;
    }

    public List<String> getAddedWhileRunning() {
        return addedWhileRunning;
    }

    public List<String> getFeedDuplicates() {
        return List.copyOf(feedDuplicates);
    }

    public Map<String, List<String>> getSimilar() {
        return Map.copyOf(similar);
    }

    /** The asset a picture of the inbox came from: the pictures route names each file after its asset. */
    public static String sourceOf(String picture) {
        int dot = picture.lastIndexOf('.');
        return dot < 0 ? picture : picture.substring(0, dot);
    }
}
