package io.github.camelscenario.example.benchmark;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code from("scenario:search?...")} to the counter. A fresh CamelContext per run (the endpoint keeps its crawl
 * position), the route started inside the timed part, one poll walking the whole crawl, timed until that poll ended.
 */
final class ConsumerVariant implements CrawlVariant {

    /** {@code null}: the component's default. */
    private final Integer prefetchPages;
    /** Only the search's filter set (no hitsPerPage, no maxResults): the crawl finds its end by itself. */
    private final boolean defaults;

    private ConsumerVariant(Integer prefetchPages, boolean defaults) {
        this.prefetchPages = prefetchPages;
        this.defaults = defaults;
    }

    /** {@code hitsPerPage=100&maxResults=N}, and {@code prefetchPages} unless {@code null}. */
    ConsumerVariant(Integer prefetchPages) {
        this(prefetchPages, false);
    }

    /** The search's filter and nothing else. */
    static ConsumerVariant defaults() {
        return new ConsumerVariant(null, true);
    }

    @Override
    public Integer prefetchPages() {
        return prefetchPages;
    }

    @Override
    public String name() {
        if (defaults) {
            return "consumer, defaults";
        }
        return prefetchPages == null ? "consumer, default prefetch" : "consumer, prefetchPages=" + prefetchPages;
    }

    @Override
    public Crawl prepare(CrawlSetup setup, HitCounter counter) throws Exception {
        CamelContext context = new DefaultCamelContext();
        setup.configureScenarioComponent(context);
        PollEnd pollEnd = new PollEnd();
        context.getRegistry().bind("pollEnd", pollEnd);
        String uri = "scenario:search?"
                     + (defaults ? CrawlSetup.FILTER_OPTION : setup.scenarioSearchOptions())
                     + (prefetchPages == null ? "" : "&prefetchPages=" + prefetchPages)
                     // one crawl: no second poll within the run
                     + "&initialDelay=0&delay=3600000&pollStrategy=#pollEnd";
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            rb.from(uri).routeId("crawl").autoStartup(false).process(counter);
        });
        return CrawlVariant.startedRoute(context, "crawl", pollEnd, 300);
    }
}
