package com.example.scenario;

import java.util.List;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The route searches the server that application.properties names, with its credentials (from the environment). */
@SpringBootTest
class SearchRoutesTest {

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelConfigurationProperties camel;

    @Test
    void applicationPropertiesConfigureTheComponent() {
        ScenarioComponent scenario = camelContext.getComponent("scenario", ScenarioComponent.class);
        assertThat(scenario.getConfiguration().getBaseUrl()).isEqualTo(System.getenv("SCENARIO_BASE_URL"));
        assertThat(scenario.getConfiguration().getApiKey()).isEqualTo(System.getenv("SCENARIO_API_KEY"));
        assertThat(scenario.getConfiguration().getMaxRetries()).isEqualTo(5);
    }

    @Test
    void theApplicationKeepsRunningForItsRoutes() {
        // the property application.properties sets is the one camel-spring-boot reads (an unknown name is ignored)
        assertThat(camel.getMain().isRunController()).isTrue();
    }

    @Test
    void theRouteSearchesTheConfiguredServer() {
        List<?> hits = template.requestBody("direct:search", "cat", List.class);
        assertThat(hits).hasSize(5).allSatisfy(hit -> {
            Asset asset = (Asset) hit;
            assertThat(asset.getTags() + " " + asset.getMetadata().getPrompt()).containsIgnoringCase("cat");
        });
    }
}
