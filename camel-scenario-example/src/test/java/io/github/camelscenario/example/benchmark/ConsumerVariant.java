package io.github.camelscenario.example.benchmark;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code from("scenario:search?...")} to the counter. A fresh CamelContext per run (the endpoint keeps its crawl
 * position), the route started inside the timed part, one poll walking the whole crawl.
 */
final class ConsumerVariant implements CrawlVariant {

    /** {@code null}: the component's default. */
    private final Integer prefetchPages;

    ConsumerVariant(Integer prefetchPages) {
        this.prefetchPages = prefetchPages;
    }

    @Override
    public Integer prefetchPages() {
        return prefetchPages;
    }

    @Override
    public String name() {
        return prefetchPages == null ? "consumer, default prefetch" : "consumer, prefetchPages=" + prefetchPages;
    }

    @Override
    public Crawl prepare(CrawlSetup setup, HitCounter counter) throws Exception {
        CamelContext context = new DefaultCamelContext();
        setup.configureScenarioComponent(context);
        String uri = "scenario:search?" + setup.scenarioSearchOptions()
                     + (prefetchPages == null ? "" : "&prefetchPages=" + prefetchPages)
                     // one crawl: no second poll within the run
                     + "&initialDelay=0&delay=3600000";
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            rb.from(uri).routeId("crawl").autoStartup(false).process(counter);
        });
        context.start();
        return new Crawl() {
            @Override
            public void run() throws Exception {
                context.getRouteController().startRoute("crawl");
                counter.await(300);
            }

            @Override
            public void close() throws Exception {
                context.close();
            }
        };
    }
}
