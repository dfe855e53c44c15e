package io.github.camelscenario.example.live;

import io.github.camelscenario.example.LocalComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One Camel context crawling a local server, crawl by crawl: the consumer ({@code from("scenario:search?...")}, one
 * gated poll per crawl) or the producer ({@code to("scenario:search?...&allPages=true").split(body()).streaming()}).
 * Each {@link #crawl()} returns the ids its crawl delivered, in order, repeats included. Used by the live-index tests
 * and by the benchmark's feed and churn rows.
 */
public final class Crawler implements AutoCloseable {

    /** Every generated asset has a width: this search matches the whole dataset. */
    static final String MATCH_ALL = "filter=width%20%3E%200";
    static final long CRAWL_TIMEOUT_SECONDS = 60;

    private final CamelContext context;
    private final GatedPolls polls;
    private final ProducerTemplate template;
    private final List<String> delivered = new ArrayList<>();
    private long lastCrawlNanos;

    private Crawler(CamelContext context, GatedPolls polls) {
        this.context = context;
        this.polls = polls;
        this.template = polls == null ? context.createProducerTemplate() : null;
    }

    /** A consumer on {@code scenario:search?MATCH_ALL&options} whose polls run only when {@link #crawl()} asks. */
    public static Crawler consumer(LocalScenarioServer server, String options) throws Exception {
        return consumer(server, options, Map.of());
    }

    /** The same, with beans bound in the context's registry first (e.g. an idempotent repository for onlyNew). */
    public static Crawler consumer(LocalScenarioServer server, String options, Map<String, Object> beans) throws Exception {
        GatedPolls polls = new GatedPolls();
        CamelContext context = context(server);
        context.getRegistry().bind("gatedPolls", polls);
        beans.forEach(context.getRegistry()::bind);
        Crawler crawler = new Crawler(context, polls);
        String uri = "scenario:search?" + MATCH_ALL + (options.isEmpty() ? "" : "&" + options)
                     + "&initialDelay=0&delay=5&pollStrategy=#gatedPolls";
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans its package for those
        RouteBuilder.addRoutes(context, rb -> rb.from(uri).process(crawler::record));
        context.start();
        return crawler;
    }

    /** {@code direct:crawl} to the allPages producer on {@code scenario:search?MATCH_ALL&allPages=true&options}. */
    public static Crawler producer(LocalScenarioServer server, String options) throws Exception {
        CamelContext context = context(server);
        Crawler crawler = new Crawler(context, null);
        String uri = "scenario:search?" + MATCH_ALL + "&allPages=true" + (options.isEmpty() ? "" : "&" + options);
        RouteBuilder.addRoutes(context, rb -> rb.from("direct:crawl").to(uri)
                .split(rb.body()).streaming().process(crawler::record).end());
        context.start();
        return crawler;
    }

    private static CamelContext context(LocalScenarioServer server) {
        CamelContext context = new DefaultCamelContext();
        LocalComponent.pointAt(context, server);
        return context;
    }

    /** Runs one crawl (one poll of the consumer, one exchange to the producer); returns the ids it delivered. */
    public List<String> crawl() throws Exception {
        synchronized (delivered) {
            delivered.clear();
        }
        if (polls != null) {
            GatedPolls.Outcome outcome = polls.pollOnce(CRAWL_TIMEOUT_SECONDS);
            if (outcome.error() != null) {
                throw new AssertionError("The consumer's poll failed: " + outcome.error(), outcome.error());
            }
            lastCrawlNanos = outcome.nanos();
        } else {
            long t0 = System.nanoTime();
            template.requestBody("direct:crawl", (Object) null);
            lastCrawlNanos = System.nanoTime() - t0;
        }
        synchronized (delivered) {
            return new ArrayList<>(delivered);
        }
    }

    /** How long the last crawl ran: the consumer's poll from its start to its end, or the producer's exchange. */
    public long lastCrawlNanos() {
        return lastCrawlNanos;
    }

    private void record(Exchange exchange) throws Exception {
        Asset asset = exchange.getMessage().getMandatoryBody(Asset.class);
        synchronized (delivered) {
            delivered.add(asset.getId());
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
