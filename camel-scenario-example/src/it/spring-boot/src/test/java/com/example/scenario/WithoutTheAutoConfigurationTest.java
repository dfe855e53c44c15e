package com.example.scenario;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why camel-scenario ships a Spring Boot auto-configuration: camel-spring-boot alone does not bind
 * camel.component.scenario.* (Camel's own components get that from their starters).
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude="
                             + "io.github.camelscenario.scenario.springboot.ScenarioComponentAutoConfiguration")
class WithoutTheAutoConfigurationTest {

    @Autowired
    private CamelContext camelContext;

    @Test
    void camelSpringBootAloneLeavesThePropertiesUnbound() {
        ScenarioComponent scenario = camelContext.getComponent("scenario", ScenarioComponent.class);
        assertThat(scenario.getConfiguration().getBaseUrl()).isEqualTo(HttpScenarioClient.DEFAULT_BASE_URL);
        assertThat(scenario.getConfiguration().getApiKey()).isNull();
    }
}
