package io.github.camelscenario.example.benchmark;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/** One way of crawling the search: the component's consumer or producer, the hand-written route, the plain loop. */
interface CrawlVariant {

    /** A short label for the results table. */
    String name();

    /**
     * Builds what the crawl needs (CamelContext and routes, HTTP client) without sending a request: not timed.
     */
    /** The read-ahead the variant sets, {@code null} for the component's default or where it does not apply. */
    default Integer prefetchPages() {
        return null;
    }

    Crawl prepare(CrawlSetup setup, HitCounter counter) throws Exception;

    /**
     * Starts a context whose route begins at {@code direct:crawl}: each run sends one empty message there and returns
     * once the route has walked the whole crawl.
     */
    static Crawl startedFromDirect(CamelContext context) {
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        return new Crawl() {
            @Override
            public void run() {
                template.sendBody("direct:crawl", null);
            }

            @Override
            public void close() throws Exception {
                context.close();
            }
        };
    }

    /** A prepared crawl: {@link #run()} is timed, {@link #close()} is not. */
    interface Crawl extends AutoCloseable {

        /** Crawls and returns once every hit has reached the counter. */
        void run() throws Exception;
    }
}
