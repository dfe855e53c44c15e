package io.github.camelscenario.example;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * What an operator sees of the running example: its readiness checks, as a Kubernetes probe or Spring Boot's actuator
 * would get them, and the {@code scenario} dev console. Taken while the routes still run.
 */
final class OperationsReport {

    /** The details worth a line; the rest (invocation counts, times) is noise here. */
    private static final List<String> DETAILS = List.of("scenario.crawl.page", "scenario.crawl.requests",
            "scenario.retries", "scenario.rate.limited", "scenario.searches", "scenario.failures",
            HealthCheck.HTTP_RESPONSE_CODE, "scenario.error.code", "scenario.page");

    private OperationsReport() {
    }

    static String of(CamelContext context) {
        StringBuilder sb = new StringBuilder();
        sb.append("=== readiness (Camel health checks) ===\n");
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        if (results.isEmpty()) {
            sb.append("no health-check registry (camel-health is not on the class path)\n");
        }
        for (HealthCheck.Result r : results) {
            Map<String, Object> shown = new TreeMap<>();
            DETAILS.forEach(key -> {
                if (r.getDetails().containsKey(key)) {
                    shown.put(key, r.getDetails().get(key));
                }
            });
            sb.append(String.format("%-28s %-5s %s%n", r.getCheck().getId(), r.getState(), shown.isEmpty() ? ""
                    : shown.toString()));
        }
        DevConsoleRegistry consoles = DevConsoleRegistry.get(context);
        // Camel's 'service' console lists where routes go (EndpointServiceLocation); 'scenario' is this component's
        for (String id : List.of("service", "scenario")) {
            sb.append("=== dev console '").append(id).append("' ===\n");
            DevConsole console = consoles != null ? consoles.resolveById(id) : null;
            sb.append(console != null ? console.call(DevConsole.MediaType.TEXT)
                    : "not found (camel-console on the class path, camel.main.dev-console-enabled=true)\n");
        }
        return sb.toString();
    }
}
