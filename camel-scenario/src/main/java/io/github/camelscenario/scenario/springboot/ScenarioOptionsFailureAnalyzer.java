package io.github.camelscenario.scenario.springboot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Puts the real cause of a failed start at the top of Spring Boot's "APPLICATION FAILED TO START" report: the
 * {@code camel.component.scenario.*} property and what is wrong with it, wherever Camel wrapped it. Registered in
 * META-INF/spring.factories.
 */
public class ScenarioOptionsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidComponentOptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidComponentOptionException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct or remove the property " + cause.getProperty()
                                                       + " (the scenario component's options are listed in its "
                                                       + "docs/component.md).",
                cause);
    }
}
