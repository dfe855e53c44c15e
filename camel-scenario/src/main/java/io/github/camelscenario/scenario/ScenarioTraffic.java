package io.github.camelscenario.scenario;

import java.util.concurrent.atomic.LongAdder;

import io.github.camelscenario.scenario.client.SearchAttemptListener;

/**
 * HTTP attempts of one endpoint's client, retries included: what the client's own retries hide from the exchanges.
 * Shared by the consumer and any producer of that endpoint.
 */
public final class ScenarioTraffic implements SearchAttemptListener {

    private final LongAdder answers = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();

    @Override
    public void answered(int status) {
        answers.increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    @Override
    public void retrying(String reason) {
        retries.increment();
    }

    /** HTTP answers received, whatever their status. */
    public long getAnswers() {
        return answers.sum();
    }

    /** Attempts tried again after a 429, 500, 502, 503, 504 or an I/O error. */
    public long getRetries() {
        return retries.sum();
    }

    /** Answers with HTTP 429 (rate limited), retried or not. */
    public long getRateLimited() {
        return rateLimited.sum();
    }
}
