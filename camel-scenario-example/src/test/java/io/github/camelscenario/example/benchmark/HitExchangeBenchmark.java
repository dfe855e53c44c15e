package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.ScenarioConstants;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-hit cost of getting one hit to a processor, no HTTP: a new exchange per hit with the consumer's headers (what
 * the consumer does), against a split of a page's hit list (the camel-http route) and of an iterator in streaming
 * mode (the producer with allPages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HitExchangeBenchmark {

    private CamelContext context;
    private Endpoint hitEndpoint;
    private Producer hit;
    private Producer split;
    private Producer splitStreaming;
    private List<Asset> page;
    private long counted;

    @Setup(Level.Trial)
    public void start() throws Exception {
        context = new DefaultCamelContext();
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            rb.from("direct:hit").process(e -> count(e.getMessage().getBody(Asset.class)));
            rb.from("direct:split").split(rb.body()).process(e -> count(e.getMessage().getBody(Asset.class)));
            rb.from("direct:splitStreaming").split(rb.body()).streaming()
                    .process(e -> count(e.getMessage().getBody(Asset.class)));
        });
        context.start();
        hitEndpoint = context.getEndpoint("direct:hit");
        hit = started(hitEndpoint);
        split = started(context.getEndpoint("direct:split"));
        splitStreaming = started(context.getEndpoint("direct:splitStreaming"));
        page = new ArrayList<>();
        for (int i = 0; i < CrawlSetup.HITS_PER_PAGE; i++) {
            Asset a = new Asset();
            a.setId("asset_" + i);
            page.add(a);
        }
    }

    private static Producer started(Endpoint endpoint) throws Exception {
        Producer p = endpoint.createProducer();
        p.start();
        return p;
    }

    private void count(Asset asset) {
        counted += asset.getId().length();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
    }

    @Benchmark
    @OperationsPerInvocation(CrawlSetup.HITS_PER_PAGE)
    public long exchangePerHit() throws Exception {
        for (int i = 0; i < page.size(); i++) {
            Asset asset = page.get(i);
            Exchange e = hitEndpoint.createExchange();
            e.getMessage().setBody(asset);
            e.getMessage().setHeader(ScenarioConstants.ASSET_ID, asset.getId());
            e.getMessage().setHeader(ScenarioConstants.PAGE, 1);
            e.getMessage().setHeader(ScenarioConstants.TOTAL_HITS, 20_000L);
            e.setProperty(Exchange.BATCH_INDEX, i);
            e.setProperty(Exchange.BATCH_SIZE, 20_000);
            e.setProperty(Exchange.BATCH_COMPLETE, false);
            hit.process(e);
        }
        return counted;
    }

    @Benchmark
    @OperationsPerInvocation(CrawlSetup.HITS_PER_PAGE)
    public long splitList() throws Exception {
        Exchange e = split.getEndpoint().createExchange();
        e.getMessage().setBody(page);
        split.process(e);
        return counted;
    }

    @Benchmark
    @OperationsPerInvocation(CrawlSetup.HITS_PER_PAGE)
    public long splitIteratorStreaming() throws Exception {
        Exchange e = splitStreaming.getEndpoint().createExchange();
        e.getMessage().setBody(page.iterator());
        splitStreaming.process(e);
        return counted;
    }
}
