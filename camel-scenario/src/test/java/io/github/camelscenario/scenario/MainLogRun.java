package io.github.camelscenario.scenario;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * A Camel Main application as users write one: {@code args[0]} is its application.properties file, {@code args[1]}
 * the endpoint URI its one route sends a single search to. Run by {@link SecretsInMainLogTest} in a JVM of its own, so
 * that its log levels are those of a real run.
 */
public final class MainLogRun {

    private MainLogRun() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[1];
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + args[0]);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:once?repeatCount=1").routeId("search-once")
                        .to(uri)
                        .log("found ${body.size()} assets");
            }
        });
        main.run();
    }
}
