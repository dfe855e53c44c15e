package io.github.camelscenario.example.benchmark;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** The producer's lazy iterator over every page, split in streaming mode: {@code allPages=true}. */
final class ProducerVariant implements CrawlVariant {

    /** {@code null}: the producer's default. */
    private final Integer prefetchPages;
    /** Only the search's filter set (no hitsPerPage, no maxResults): the crawl finds its end by itself. */
    private final boolean defaults;

    private ProducerVariant(Integer prefetchPages, boolean defaults) {
        this.prefetchPages = prefetchPages;
        this.defaults = defaults;
    }

    /** {@code hitsPerPage=100&maxResults=N}, and {@code prefetchPages} unless {@code null}. */
    ProducerVariant(Integer prefetchPages) {
        this(prefetchPages, false);
    }

    /** The search's filter and {@code allPages=true}, nothing else. */
    static ProducerVariant defaults() {
        return new ProducerVariant(null, true);
    }

    @Override
    public Integer prefetchPages() {
        return prefetchPages;
    }

    @Override
    public String name() {
        return "producer allPages + split streaming"
               + (defaults ? ", defaults" : prefetchPages == null ? "" : ", prefetchPages=" + prefetchPages);
    }

    @Override
    public Crawl prepare(CrawlSetup setup, HitCounter counter) throws Exception {
        CamelContext context = new DefaultCamelContext();
        setup.configureScenarioComponent(context);
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            rb.from("direct:crawl")
                    .to("scenario:search?" + (defaults ? CrawlSetup.FILTER_OPTION : setup.scenarioSearchOptions())
                        + "&allPages=true"
                        + (prefetchPages == null ? "" : "&prefetchPages=" + prefetchPages))
                    .split(rb.body()).streaming()
                        .process(counter)
                    .end();
        });
        return CrawlVariant.startedFromDirect(context);
    }
}
