package io.github.camelscenario.scenario.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import java.net.URL;
import java.util.Collections;
import java.util.Properties;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.ScenarioEndpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

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
            options.put("delay", "10000");
            ComponentOptions.apply(component, options);

            assertThat(component.getConfiguration().getApiKey()).isEqualTo("key");
            assertThat(component.getConfiguration().getApiSecret()).isEqualTo("secret");
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo("http://127.0.0.1:1/v1");
            assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(7);
            assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(2000L);
            assertThat(component.getDelay()).isEqualTo(10_000L);
        }
    }

    @Test
    void theComponentsDelayIsTheDefaultOfItsEndpointsAndAUriDelayReplacesIt() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ScenarioComponent component = new ScenarioComponent();
            context.addComponent("scenario", component);
            ComponentOptions.apply(component, Map.of("api-key", "k", "api-secret", "s", "delay", "10000"));
            assertThat(context.getEndpoint("scenario:search?query=cat", ScenarioEndpoint.class).getDelay())
                    .isEqualTo(10_000L);
            assertThat(context.getEndpoint("scenario:search?query=dog&delay=5000", ScenarioEndpoint.class).getDelay())
                    .isEqualTo(5_000L);
        }
    }

    /** Camel reports "Cannot auto create component: scenario" and no more; Spring Boot's report names the property. */
    @Test
    void theStartupFailureReportNamesThePropertyAndTheReasonWhateverWrapsThem() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ScenarioComponent component = new ScenarioComponent();
            component.setCamelContext(context);
            InvalidComponentOptionException bad = org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidComponentOptionException.class,
                    () -> ComponentOptions.apply(component, Map.of("max-retries", "many")));
            Throwable asCamelThrowsIt = new RuntimeCamelException("Cannot auto create component: scenario", bad);

            FailureAnalysis analysis = new ScenarioOptionsFailureAnalyzer().analyze(asCamelThrowsIt);
            assertThat(analysis.getDescription())
                    .isEqualTo("Invalid camel.component.scenario.max-retries = 'many': must be a int");
            assertThat(analysis.getAction()).contains("camel.component.scenario.max-retries");
        }
    }

    @Test
    void theFailureAnalyzerIsRegisteredForSpringBoot() throws Exception {
        boolean registered = false;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = new Properties();
            try (var in = url.openStream()) {
                factories.load(in);
            }
            registered |= factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer", "")
                    .contains(ScenarioOptionsFailureAnalyzer.class.getName());
        }
        assertThat(registered).as("META-INF/spring.factories names %s", ScenarioOptionsFailureAnalyzer.class).isTrue();
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
