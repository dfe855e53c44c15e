package com.example.app;

import org.apache.camel.builder.RouteBuilder;

/** Asks once how many assets are tagged dragon: one hit is enough, the total comes in a header. */
public class DragonCountRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:dragons?repeatCount=1").routeId("dragons")
                .to("scenario:search?filter=RAW(tags = dragon)&hitsPerPage=1")
                .log("${header.CamelScenarioTotalHits} assets are tagged dragon");
    }
}
