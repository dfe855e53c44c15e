package io.github.camelscenario.scenario;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * How the producer's searches on one endpoint ended (after the client's retries): what its health check reports
 * without calling the API, which is metered.
 */
public final class SearchOutcomes {

    private final LongAdder searches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile SearchFailure lastFailure;
    private volatile Instant lastSuccess;
    /** Whether the latest search that says something about the service failed (see {@link #failed}). */
    private volatile boolean serviceFailing;

    void succeeded() {
        searches.increment();
        lastSuccess = Instant.now();
        serviceFailing = false;
    }

    void failed(Throwable e) {
        searches.increment();
        failures.increment();
        SearchFailure failure = SearchFailure.of(e, null);
        lastFailure = failure;
        // a 400 or 422 is about the request of one exchange, not about the service or the credentials
        Integer status = failure.status();
        if (status == null || status == 401 || status == 403 || status == 429 || status >= 500) {
            serviceFailing = true;
        }
    }

    public long getSearches() {
        return searches.sum();
    }

    public long getFailures() {
        return failures.sum();
    }

    /** The last failed search, {@code null} if none did. */
    public SearchFailure getLastFailure() {
        return lastFailure;
    }

    /** When a search last succeeded, {@code null} if none did. */
    public Instant getLastSuccess() {
        return lastSuccess;
    }

    /**
     * Whether the latest search that says something about the service failed: refused credentials or action (401,
     * 403), still rate limited or failing after retries (429, 5xx), or unreachable. A success clears it.
     */
    public boolean isServiceFailing() {
        return serviceFailing;
    }
}
