package io.github.camelscenario.example.benchmark;

import java.nio.file.Path;

import io.github.camelscenario.scenario.ScenarioConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * One way of syncing a library's pictures into a folder, from an {@code onlyNew=true} consumer: the component's
 * {@code content=file} (the body is the file, downloaded ahead), or the route a user writes without it (the consumer
 * emits hits, camel-http GETs each hit's signed URL, the response is the file). A fresh CamelContext per run (a feed
 * keeps what it delivered), the route started inside the timed part, timed until its first poll ended: the route is
 * synchronous, so every picture was on disk by then.
 */
final class SyncVariant {

    private final String name;
    /** {@code null}: the hand-written route; else the component's downloadConcurrency, or its default when 0. */
    private final Integer downloadConcurrency;

    private SyncVariant(String name, Integer downloadConcurrency) {
        this.name = name;
        this.downloadConcurrency = downloadConcurrency;
    }

    /** {@code content=file} with {@code downloadConcurrency} set, or at its default when {@code null}. */
    static SyncVariant component(Integer downloadConcurrency) {
        return downloadConcurrency == null ? new SyncVariant("content=file, defaults", 0)
                : new SyncVariant("content=file, downloadConcurrency=" + downloadConcurrency, downloadConcurrency);
    }

    /**
     * The consumer emitting hits, {@code toD("${body.url}")} with camel-http (GET, no credentials: camel-http's
     * dynamic-URI support sends each signed URL through one endpoint per host), then file.
     */
    static SyncVariant handWritten() {
        return new SyncVariant("hand-written: hits, toD(${body.url}) camel-http, file", null);
    }

    String name() {
        return name;
    }

    boolean handWrittenRoute() {
        return downloadConcurrency == null;
    }

    /** Builds the context and the route into {@code folder} without sending a request: not timed. */
    CrawlVariant.Crawl prepare(CrawlSetup setup, Path folder) throws Exception {
        CamelContext context = new DefaultCamelContext();
        setup.configureScenarioComponent(context);
        PollEnd pollEnd = new PollEnd();
        context.getRegistry().bind("pollEnd", pollEnd);
        String content = handWrittenRoute() ? ""
                : "&content=file" + (downloadConcurrency > 0 ? "&downloadConcurrency=" + downloadConcurrency : "");
        String uri = "scenario:search?" + CrawlSetup.FILTER_OPTION + "&onlyNew=true" + content
                     // one sync: no second poll within the run
                     + "&initialDelay=0&delay=3600000&pollStrategy=#pollEnd";
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            RouteDefinition route = rb.from(uri).routeId("sync").autoStartup(false);
            if (handWrittenRoute()) {
                // the hit's signed URL as it is, GET said outright (camel-http picks it here too: the hit is not
                // a request body), the file named by the asset id
                route.setHeader(Exchange.HTTP_METHOD, rb.constant("GET"))
                        .setHeader(Exchange.FILE_NAME, rb.header(ScenarioConstants.ASSET_ID))
                        .toD("${body.url}");
            }
            route.to("file:" + folder);
        });
        return CrawlVariant.startedRoute(context, "sync", pollEnd, 900);
    }
}
