package com.example.scenario;

import org.apache.camel.builder.RouteBuilder;

/** Searches Scenario for whatever is sent to direct:search; the reply is the first page of hits. */
public class SearchRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:search").routeId("search")
                .to("scenario:search?hitsPerPage=5")
                .log("${header.CamelScenarioTotalHits} assets match, the first is ${body[0].id}");
    }
}
