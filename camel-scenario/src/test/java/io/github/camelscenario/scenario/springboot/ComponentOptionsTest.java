package io.github.camelscenario.scenario.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelscenario.scenario.ScenarioComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How camel.component.scenario.* values reach the component in a Spring Boot application. */
class ComponentOptionsTest {

    @Test
    void kebabAndCamelCaseNamesAreConvertedToTheOptionsTypes() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ScenarioComponent component = new ScenarioComponent();
            component.setCamelContext(context);
            Map<String, String> options = new LinkedHashMap<>();
            options.put("api-key", "key");
            options.put("apiSecret", "{{vault.scenario-secret}}");
            context.getPropertiesComponent().addInitialProperty("vault.scenario-secret", "secret");
            options.put("base-url", "http://127.0.0.1:1/v1");
            options.put("max-retries", "7");
            options.put("connect-timeout", "2s");
            ComponentOptions.apply(component, options);

            assertThat(component.getConfiguration().getApiKey()).isEqualTo("key");
            assertThat(component.getConfiguration().getApiSecret()).isEqualTo("secret");
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo("http://127.0.0.1:1/v1");
            assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(7);
            assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(2000L);
        }
    }

    @Test
    void anUnknownOptionOrABadValueIsNamed() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ScenarioComponent component = new ScenarioComponent();
            component.setCamelContext(context);
            // a mistyped name may hold a secret: its value is never repeated
            assertThatThrownBy(() -> ComponentOptions.apply(component, Map.of("api-secrett", "s3cr3t-value")))
                    .hasMessageContaining("camel.component.scenario.api-secrett").hasMessageContaining("'apiSecrett'")
                    .hasMessageNotContaining("s3cr3t-value");
            assertThatThrownBy(() -> ComponentOptions.apply(component, Map.of("api-secret", "{{env:NO_SUCH_VARIABLE}}")))
                    .hasMessageContaining("NO_SUCH_VARIABLE");
            assertThatThrownBy(() -> ComponentOptions.apply(component, Map.of("max-retries", "many")))
                    .hasMessageContaining("camel.component.scenario.max-retries = 'many': must be a int");
        }
    }
}
