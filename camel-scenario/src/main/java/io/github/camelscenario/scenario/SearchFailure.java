package io.github.camelscenario.scenario;

import java.io.IOException;
import java.time.Instant;

import io.github.camelscenario.scenario.client.ScenarioApiException;

/**
 * What the last failed search said, for health checks, the dev console and JMX: the message, the HTTP status and API
 * error code when the API answered (none when it could not be reached), the page (consumers), and when.
 *
 * @param status    the HTTP status, {@code null} when there was no answer (unreachable, timeout)
 * @param errorCode the API's error code (e.g. {@code QUOTA_EXCEEDED}), when it sent one
 * @param page      the result page that failed, {@code null} for a producer's search
 */
public record SearchFailure(String message, Integer status, String errorCode, Integer page, Instant at) {

    static SearchFailure of(Throwable e, Integer page) {
        if (e instanceof ScenarioApiException api) {
            return new SearchFailure(api.getMessage(), api.getStatusCode(), api.getErrorCode(), page, Instant.now());
        }
        String message = e instanceof IOException ? "Scenario unreachable: " + e.getMessage() : String.valueOf(e);
        return new SearchFailure(message, null, null, page, Instant.now());
    }

    /** Whether the API refused the credentials (401) or the action (403): every later search fails the same way. */
    public boolean isAuthFailure() {
        return status != null && (status == 401 || status == 403);
    }
}
