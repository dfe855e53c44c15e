package io.github.camelscenario.example.benchmark;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/** One way of crawling the search: the component's consumer or producer, the hand-written route, the plain loop. */
interface CrawlVariant {

    /** A short label for the results table. */
    String name();

    /** The read-ahead the variant sets, {@code null} for the component's default or where it does not apply. */
    default Integer prefetchPages() {
        return null;
    }

    /**
     * Whether the variant walks pages by number until {@code totalPages}, as a hand-written crawl does: behind a
     * paging cap it stops at the cap ({@link CrawlSetup#pagedHits()}). The component's variants go past it.
     */
    default boolean pagesByNumber() {
        return false;
    }

    /** The hits a run must deliver, exactly: every asset, or what paging by number reaches. */
    default int expectedHits(CrawlSetup setup) {
        return pagesByNumber() ? setup.pagedHits() : setup.hits();
    }

    /**
     * Builds what the crawl needs (CamelContext and routes, HTTP client) without sending a request: not timed.
     */
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

    /**
     * Starts a context whose route {@code routeId} (not started with it) begins with a consumer whose poll strategy is
     * {@code pollEnd}: each run starts the route and returns once its first poll has ended.
     */
    static Crawl startedRoute(CamelContext context, String routeId, PollEnd pollEnd, long timeoutSeconds) {
        context.start();
        return new Crawl() {
            @Override
            public void run() throws Exception {
                context.getRouteController().startRoute(routeId);
                pollEnd.await(timeoutSeconds);
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
