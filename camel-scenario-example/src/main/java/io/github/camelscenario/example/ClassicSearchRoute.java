package io.github.camelscenario.example;

import org.apache.camel.builder.RouteBuilder;

/** The classic: a timer fires once, one search, one log line per hit. */
public class ClassicSearchRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:classic?repeatCount=1").routeId("classic")
                .to("scenario:search?query={{example.classic.query}}&hitsPerPage={{example.classic.hits}}")
                .bean("summary", "classicSearched")
                .split(body())
                    .log("classic  #${exchangeProperty.CamelSplitIndex}: ${body.id}  '${body.metadata.name}'  "
                         + "tags=${body.tags}")
                    .bean("summary", "classicHit")
                .end()
                .bean("summary", "classicDone");
    }
}
