package com.example.scenario;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why camel-scenario ships a Spring Boot auto-configuration: camel-spring-boot alone does not bind
 * camel.component.scenario.* (Camel's own components get that from their starters). Without it the credentials in
 * application.properties never reach the component, whose endpoints then refuse to be created.
 */
class WithoutTheAutoConfigurationTest {

    @Test
    void camelSpringBootAloneLeavesThePropertiesUnboundAndTheRouteCannotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ScenarioApplication.class)
                .properties("spring.autoconfigure.exclude="
                            + "io.github.camelscenario.scenario.springboot.ScenarioComponentAutoConfiguration")
                .run()
                .close())
                .hasStackTraceContaining("No Scenario credentials");
    }
}
