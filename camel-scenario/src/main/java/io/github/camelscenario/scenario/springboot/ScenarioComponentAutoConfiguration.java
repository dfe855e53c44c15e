package io.github.camelscenario.scenario.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelscenario.scenario.ScenarioComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What a Camel starter gives a component, for Spring Boot applications with camel-spring-boot-starter: the
 * {@code camel.component.scenario.*} properties (application.properties, environment, ...) configure the
 * {@code scenario} component. Without it camel-spring-boot leaves them unbound. IDE completion comes from
 * META-INF/spring-configuration-metadata.json. Off with {@code camel.component.scenario.enabled = false}.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnProperty(prefix = ComponentOptions.PREFIX, name = "enabled", matchIfMissing = true)
public class ScenarioComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer scenarioComponentCustomizer(Environment environment) {
        Map<String, String> bound = Binder.get(environment)
                .bind(ComponentOptions.PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<String, String> options = new LinkedHashMap<>(bound);
        // the switch of this auto-configuration, not an option of the component
        options.remove("enabled");
        return ComponentCustomizer.builder(ScenarioComponent.class)
                .withCondition((name, component) -> "scenario".equals(name))
                .build(component -> ComponentOptions.apply(component, options));
    }
}
