package io.github.camelscenario.scenario;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.scenario.delay in a Camel Main application: the polls' default, which a URI delay replaces. */
class ComponentDelayMainTest {

    @Test
    @Timeout(30)
    void theComponentsDelayIsEveryConsumersDefault() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.scenario.api-key", "k");
        main.addInitialProperty("camel.component.scenario.api-secret", "s");
        main.addInitialProperty("camel.component.scenario.base-url", "http://127.0.0.1:9/v1");
        main.addInitialProperty("camel.component.scenario.delay", "10000");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // no poll during the test: only the endpoints' settings are looked at
                from("scenario:search?query=cat&initialDelay=600000").routeId("by-component").to("log:cat");
                from("scenario:search?query=dog&initialDelay=600000&delay=5000").routeId("own").to("log:dog");
            }
        });
        main.start();
        try {
            assertThat(((ScenarioEndpoint) main.getCamelContext().getRoute("by-component").getEndpoint()).getDelay())
                    .isEqualTo(10_000L);
            assertThat(((ScenarioEndpoint) main.getCamelContext().getRoute("own").getEndpoint()).getDelay())
                    .isEqualTo(5_000L);
        } finally {
            main.stop();
        }
    }
}
