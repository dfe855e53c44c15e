package io.github.camelscenario.scenario.client;

/**
 * The API answered a search with an error status. Carries what the API said (message, code, trace id) and how many
 * attempts were made; never the credentials.
 */
public class ScenarioApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String apiMessage;
    private final String errorCode;
    private final String traceId;
    private final int attempts;
    private final boolean retryable;

    public ScenarioApiException(int statusCode, String apiMessage, String errorCode, String traceId, int attempts,
                                boolean retryable) {
        this("search", statusCode, apiMessage, errorCode, traceId, attempts, retryable);
    }

    /** @param call what failed, e.g. {@code search} or {@code download link for asset asset_1} */
    ScenarioApiException(String call, int statusCode, String apiMessage, String errorCode, String traceId, int attempts,
                         boolean retryable) {
        super(describe(call, statusCode, apiMessage, errorCode, traceId, attempts, retryable));
        this.statusCode = statusCode;
        this.apiMessage = apiMessage;
        this.errorCode = errorCode;
        this.traceId = traceId;
        this.attempts = attempts;
        this.retryable = retryable;
    }

    /** For an answer that is neither a page nor an error status; never retried. */
    ScenarioApiException(String message, int statusCode, int attempts) {
        super(message);
        this.statusCode = statusCode;
        this.apiMessage = null;
        this.errorCode = null;
        this.traceId = null;
        this.attempts = attempts;
        this.retryable = false;
    }

    /** A complete success answer whose body is no search page: asking again would get the same body. */
    static ScenarioApiException notASearchPage(int status, String contentType, String problem) {
        return new ScenarioApiException("Scenario search answered HTTP " + status + " ("
                                        + (contentType == null ? "no Content-Type" : "Content-Type " + contentType)
                                        + ") with a body that is not a search page: " + problem
                                        + "; not retried: the same request gets the same answer", status, 1);
    }

    /** A 3xx: never followed, so the credentials only ever go to baseUrl. */
    static ScenarioApiException redirectRefused(int status, String locationHost, int attempts) {
        return new ScenarioApiException("Scenario search failed with HTTP " + status + ": a redirect "
                                        + (locationHost == null ? "without a Location header"
                                                : "to host " + locationHost)
                                        + " was refused (credentials are only sent to baseUrl; set baseUrl to where the"
                                        + " API answers)", status, attempts);
    }

    private static String describe(
            String call, int status, String message, String code, String traceId, int attempts, boolean retryable) {
        StringBuilder sb = new StringBuilder("Scenario ").append(call).append(" failed with HTTP ").append(status);
        if (message != null) {
            sb.append(": ").append(message);
        }
        if (code != null) {
            sb.append(" (code ").append(code).append(')');
        }
        if (traceId != null) {
            sb.append(" [traceId ").append(traceId).append(']');
        }
        if (!retryable) {
            sb.append("; not retried: HTTP ").append(status).append(" is not transient");
        } else if (attempts > 1) {
            sb.append("; gave up after ").append(attempts).append(" attempts");
        } else {
            sb.append("; not retried (maxRetries=0)");
        }
        return sb.toString();
    }

    /** The HTTP status the API answered with. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The API's own message ({@code reason}, {@code message}, {@code error} or {@code detail}), shortened. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** The API's error code, e.g. {@code QUOTA_EXCEEDED}, when it sent one. */
    public String getErrorCode() {
        return errorCode;
    }

    public String getTraceId() {
        return traceId;
    }

    /** How many requests were sent in all (1 when not retried). */
    public int getAttempts() {
        return attempts;
    }

    /** Whether the status is one that is retried (429, 500, 502, 503, 504). */
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether this search was sent more than once before failing. */
    public boolean wasRetried() {
        return attempts > 1;
    }
}
