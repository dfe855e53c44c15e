package io.github.camelscenario.scenario.springboot;

import java.util.Map;
import java.util.Set;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.ScenarioComponentConfigurer;
import io.github.camelscenario.scenario.ScenarioEndpointUriFactory;
import org.apache.camel.util.StringHelper;

/**
 * Sets {@code camel.component.scenario.*} values on the component through its generated configurer, as Camel Main
 * does: option names in kebab-case ({@code api-key}) or camelCase; values may hold Camel placeholders
 * ({@code {{env:SCENARIO_API_SECRET}}}, {@code {{vault:...}}}) and are converted by Camel. Free of Spring, so it
 * can be tested without it.
 */
final class ComponentOptions {

    static final String PREFIX = "camel.component.scenario";

    private static final Set<String> SECRETS = new ScenarioEndpointUriFactory().secretPropertyNames();

    private ComponentOptions() {
    }

    /**
     * @throws InvalidComponentOptionException for an unknown option or a value that does not convert, naming the
     *                                         property (and the value, unless the option is a secret)
     */
    static void apply(ScenarioComponent component, Map<String, ?> options) {
        ScenarioComponentConfigurer configurer = new ScenarioComponentConfigurer();
        for (Map.Entry<String, ?> option : options.entrySet()) {
            String name = StringHelper.dashToCamelCase(option.getKey());
            Class<?> type = configurer.getOptionType(name, true);
            String property = PREFIX + "." + option.getKey();
            if (type == null) {
                throw new InvalidComponentOptionException(property, "Unknown option " + property
                                                                    + ": the scenario component has no option '" + name
                                                                    + "' (see docs/component.md for the options)",
                        null);
            }
            Object value = option.getValue();
            if (value instanceof String text) {
                try {
                    value = component.getCamelContext().resolvePropertyPlaceholders(text);
                } catch (RuntimeException e) {
                    // the message of a failed look-up names the placeholder, never a value
                    throw new InvalidComponentOptionException(property, "Invalid " + property + ": " + e.getMessage(), e);
                }
            }
            try {
                configurer.configure(component.getCamelContext(), component, name, value, true);
            } catch (RuntimeException e) {
                boolean secret = SECRETS.stream().anyMatch(s -> s.equalsIgnoreCase(name));
                throw new InvalidComponentOptionException(property, "Invalid " + property
                                                                    + (secret ? "" : " = '" + option.getValue() + "'")
                                                                    + ": must be a " + type.getSimpleName(),
                        secret ? null : e);
            }
        }
    }
}
