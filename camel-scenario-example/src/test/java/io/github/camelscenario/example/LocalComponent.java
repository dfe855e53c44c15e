package io.github.camelscenario.example;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.ScenarioConfiguration;
import org.apache.camel.CamelContext;

/** Tests' way to point a CamelContext's scenario component at a local server, with its credentials. */
public final class LocalComponent {

    private LocalComponent() {
    }

    /** The component's configuration, already aimed at {@code server}: set what else the test needs on it. */
    public static ScenarioConfiguration pointAt(CamelContext context, LocalScenarioServer server) {
        ScenarioConfiguration c = context.getComponent("scenario", ScenarioComponent.class).getConfiguration();
        c.setBaseUrl(server.getBaseUrl());
        c.setApiKey(server.getApiKey());
        c.setApiSecret(server.getApiSecret());
        return c;
    }
}
