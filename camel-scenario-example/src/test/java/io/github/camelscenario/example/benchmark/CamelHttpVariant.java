package io.github.camelscenario.example.benchmark;

import io.github.camelscenario.scenario.client.SearchPage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The baseline: what a Camel user writes without this component. camel-http POSTs each page with basic auth,
 * camel-jackson unmarshals it, a loop walks the pages until {@code totalPages}, a split makes one message per hit.
 * Behind a paging cap it ends at the cap, where the engine's totals end: what such a route delivers.
 */
final class CamelHttpVariant implements CrawlVariant {

    @Override
    public String name() {
        return "baseline: camel-http route";
    }

    @Override
    public boolean pagesByNumber() {
        return true;
    }

    @Override
    public Crawl prepare(CrawlSetup setup, HitCounter counter) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // a lambda, not a RouteBuilder subclass: Camel Main of the example scans this package for those
        RouteBuilder.addRoutes(context, rb -> {
            rb.from("direct:crawl")
                    .setProperty("page", rb.constant(1))
                    .setProperty("more", rb.constant(true))
                    .loopDoWhile(rb.exchangeProperty("more"))
                        // the last response's headers must not go out with the next request
                        .removeHeaders("*")
                        .setHeader(Exchange.HTTP_METHOD, rb.constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, rb.constant("application/json"))
                        .setHeader("Authorization", rb.constant(setup.basicAuthorization()))
                        .process(e -> e.getMessage().setBody(setup.requestJson(e.getProperty("page", Integer.class))))
                        .to(setup.searchUrl())
                        .unmarshal().json(JsonLibrary.Jackson, SearchPage.class)
                        .process(e -> {
                            SearchPage page = e.getMessage().getBody(SearchPage.class);
                            int n = e.getProperty("page", Integer.class);
                            e.setProperty("more", !page.getHits().isEmpty() && page.getTotalPages() != null
                                                  && n < page.getTotalPages());
                            e.setProperty("page", n + 1);
                        })
                        .split(rb.simple("${body.hits}"))
                            .process(counter)
                        .end()
                    .end();
        });
        return CrawlVariant.startedFromDirect(context);
    }
}
