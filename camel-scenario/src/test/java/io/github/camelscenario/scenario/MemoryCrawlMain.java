package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;
import io.github.camelscenario.scenario.client.ScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Crawls {@code args[0]} hits (100 a page, from an in-process client making each page on request) with onlyNew and
 * the default repository, and exits 0 when every hit was routed once. Run by {@link ScenarioConsumerMemoryTest} in a
 * JVM with a small heap.
 */
public final class MemoryCrawlMain {

    private MemoryCrawlMain() {
    }

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        ScenarioClient client = request -> page(request, total);
        AtomicLong routed = new AtomicLong();
        AtomicLong batchCompletes = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("pages", client);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("scenario:search?query=dragon&onlyNew=true&scenarioClient=#pages&initialDelay=0&delay=600000")
                            .process(e -> {
                                if (e.getProperty("CamelBatchComplete", false, Boolean.class)) {
                                    batchCompletes.incrementAndGet();
                                }
                                // the JSON a real route would write
                                e.getMessage().getBody(byte[].class);
                                if (routed.incrementAndGet() == total) {
                                    done.countDown();
                                }
                            });
                }
            });
            context.start();
            boolean finished = done.await(120, TimeUnit.SECONDS);
            Runtime rt = Runtime.getRuntime();
            System.out.println("routed=" + routed.get() + " batchCompletes=" + batchCompletes.get() + " maxHeapMb="
                               + rt.maxMemory() / (1024 * 1024) + " usedMb="
                               + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            System.exit(finished && routed.get() == total ? 0 : 1);
        }
    }

    private static SearchPage page(SearchRequest request, long total) {
        int perPage = request.getHitsPerPage();
        int page = request.getPage();
        SearchPage answer = new SearchPage();
        List<Asset> hits = new ArrayList<>(perPage);
        for (long i = (long) (page - 1) * perPage; i < Math.min((long) page * perPage, total); i++) {
            Asset a = new Asset();
            a.setId("asset_" + Long.toHexString(0x1000000000L + i) + "_xxxxxxxxxxxxxxxx");
            a.setMimeType("image/png");
            a.setUrl("https://cdn.cloud.scenario.com/assets/" + a.getId() + "?sig=" + "s".repeat(200));
            a.setTags(List.of("dragon", "fantasy", "red"));
            AssetMetadata m = new AssetMetadata();
            m.setPrompt("a red dragon over a castle at dusk, highly detailed, " + i);
            m.setWidth(1024);
            m.setHeight(1024);
            a.setMetadata(m);
            hits.add(a);
        }
        answer.setHits(hits);
        answer.setPage(page);
        answer.setHitsPerPage(perPage);
        answer.setTotalHits(total);
        answer.setTotalPages((int) ((total + perPage - 1) / perPage));
        return answer;
    }
}
