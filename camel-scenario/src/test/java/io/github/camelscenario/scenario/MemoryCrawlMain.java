package io.github.camelscenario.scenario;

import java.lang.management.ManagementFactory;
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
 * Crawls {@code args[0]} hits (from an in-process client making each read on request), with onlyNew and the default
 * repository when {@code args[1]} is {@code onlyNew}, and exits 0 when every hit was routed once. It prints the heap
 * still used after a full GC at the end of the crawl (the consumer and its crawl still alive). Run by
 * {@link ScenarioConsumerMemoryTest} in JVMs with a small heap.
 */
public final class MemoryCrawlMain {

    private MemoryCrawlMain() {
    }

    public static void main(String[] args) throws Exception {
        long total = Long.parseLong(args[0]);
        boolean onlyNew = args.length > 1 && "onlyNew".equals(args[1]);
        ScenarioClient client = request -> page(request, total);
        AtomicLong routed = new AtomicLong();
        AtomicLong batchCompletes = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("pages", client);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("scenario:search?query=dragon&onlyNew=" + onlyNew
                         + "&scenarioClient=#pages&initialDelay=0&delay=600000")
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
            long used = rt.totalMemory() - rt.freeMemory();
            System.gc();
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.println("routed=" + routed.get() + " batchCompletes=" + batchCompletes.get() + " maxHeapMb="
                               + rt.maxMemory() / (1024 * 1024) + " usedMb=" + used / (1024 * 1024) + " retainedKb="
                               + retained / 1024);
            System.exit(finished && routed.get() == total ? 0 : 1);
        }
    }

    private static SearchPage page(SearchRequest request, long total) {
        boolean byPage = request.getPage() != null;
        int count = byPage ? request.getHitsPerPage() : request.getLimit();
        long from = byPage ? (long) (request.getPage() - 1) * count : request.getOffset();
        SearchPage answer = new SearchPage();
        List<Asset> hits = new ArrayList<>(count);
        for (long i = from; i < Math.min(from + count, total); i++) {
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
        answer.setTotalHits(total);
        return answer;
    }
}
