package io.github.camelscenario.scenario.springboot;

/**
 * A {@code camel.component.scenario.*} property the component cannot take. Camel wraps it, when it creates the
 * component, in a "Cannot auto create component: scenario" that says nothing more; {@link ScenarioOptionsFailureAnalyzer}
 * finds it again so that Spring Boot's startup report names the property and the reason.
 */
public class InvalidComponentOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String property;

    InvalidComponentOptionException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property as it was written, e.g. {@code camel.component.scenario.max-retries}. */
    public String getProperty() {
        return property;
    }
}
