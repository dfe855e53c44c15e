package io.github.camelscenario.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.util.URISupport;

/**
 * A producer's readiness from the searches it already made (the API is metered: the check itself sends none). DOWN
 * while the latest search that says something about the service failed: credentials or action refused (401, 403),
 * still rate limited or failing after the client's retries (429, 5xx), or Scenario unreachable; UP again after a
 * success. A 400 or 422 is about one exchange's request and leaves the state as it was. UP before any search.
 * <p>
 * Registered in Camel's {@code producers} health-check repository, which Camel keeps disabled unless
 * {@code camel.health.producersEnabled=true}; the component's {@code healthCheckProducerEnabled} turns it off.
 */
public class ScenarioProducerHealthCheck implements HealthCheck {

    public static final String SEARCHES = "scenario.searches";
    public static final String FAILURES = "scenario.failures";
    public static final String LAST_SUCCESS = "scenario.last.success.time";
    public static final String LAST_FAILURE = "scenario.last.failure.time";

    /** Ids longer than this end in a digest of the rest: a data URL option must not make a 7 MB id. */
    static final int MAX_ID_LENGTH = 200;

    private final ScenarioEndpoint endpoint;
    private final String id;
    private final String uri;
    private final SearchOutcomes outcomes;
    private volatile boolean enabled = true;

    ScenarioProducerHealthCheck(ScenarioEndpoint endpoint, String id) {
        this.endpoint = endpoint;
        this.id = id;
        this.uri = URISupport.sanitizeUri(endpoint.getEndpointUri());
        this.outcomes = endpoint.getSearchOutcomes();
    }

    /** Adds a check for this endpoint's producer when Camel's producers repository exists; {@code null} otherwise. */
    static ScenarioProducerHealthCheck register(ScenarioEndpoint endpoint) {
        CamelContext context = endpoint.getCamelContext();
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        ScenarioProducerHealthCheck check = new ScenarioProducerHealthCheck(endpoint, uniqueId(repository, endpoint));
        check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        return check;
    }

    /**
     * {@code producer:} and the endpoint's URI as Camel shows it (secrets masked), e.g.
     * {@code producer:scenario://search?hitsPerPage=5&query=cat}: what a person wrote, the same on every start. Endpoints
     * whose URIs differ only by a masked secret get {@code #2}, {@code #3}... in the order they start.
     */
    private static String uniqueId(WritableHealthCheckRepository repository, ScenarioEndpoint endpoint) {
        String base = "producer:" + shortened(URISupport.sanitizeUri(endpoint.getEndpointUri()));
        List<ScenarioProducerHealthCheck> ours = repository.stream()
                .filter(ScenarioProducerHealthCheck.class::isInstance).map(ScenarioProducerHealthCheck.class::cast)
                .toList();
        for (ScenarioProducerHealthCheck existing : ours) {
            if (existing.endpoint == endpoint) {
                return existing.id;
            }
        }
        String id = base;
        for (int n = 2; isTaken(ours, id); n++) {
            id = base + "#" + n;
        }
        return id;
    }

    private static boolean isTaken(List<ScenarioProducerHealthCheck> checks, String id) {
        return checks.stream().anyMatch(c -> c.id.equals(id));
    }

    private static String shortened(String uri) {
        if (uri.length() <= MAX_ID_LENGTH) {
            return uri;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return uri.substring(0, MAX_ID_LENGTH - 20) + "...#" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static void unregister(CamelContext context, ScenarioProducerHealthCheck check) {
        if (check == null) {
            return;
        }
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        if (repository != null) {
            repository.removeHealthCheck(check);
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(ENDPOINT_URI, uri);
        builder.detail(CHECK_KIND, Kind.READINESS);
        if (!enabled) {
            builder.message("Disabled");
            builder.detail(CHECK_ENABLED, false);
            return builder.unknown().build();
        }
        builder.detail(SEARCHES, outcomes.getSearches());
        builder.detail(FAILURES, outcomes.getFailures());
        if (outcomes.getLastSuccess() != null) {
            builder.detail(LAST_SUCCESS, outcomes.getLastSuccess().toString());
        }
        SearchFailure failure = outcomes.getLastFailure();
        if (failure != null) {
            builder.detail(LAST_FAILURE, failure.at().toString());
            if (failure.status() != null) {
                builder.detail(HTTP_RESPONSE_CODE, failure.status());
            }
            if (failure.errorCode() != null) {
                builder.detail(ScenarioConsumerHealthCheck.ERROR_CODE, failure.errorCode());
            }
        }
        if (outcomes.isServiceFailing()) {
            builder.message(failure != null ? failure.message() : "The last Scenario search failed");
            return builder.down().build();
        }
        return builder.up().build();
    }

    /**
     * Checks of the same endpoint are equal: producers of several routes share the endpoint, its outcomes and this id,
     * so the registry reports them once, and removing one producer's leaves the others'.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioProducerHealthCheck other && endpoint == other.endpoint;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(endpoint);
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
