package io.github.camelscenario.scenario.client;

/**
 * Told about each HTTP attempt a {@link HttpScenarioClient} makes, retries included, so operators can see what the
 * client's own retries hide (how often it retried, how often the API said 429). Called on the requesting thread: keep
 * it cheap and never throw.
 */
public interface SearchAttemptListener {

    /** A listener that does nothing. */
    SearchAttemptListener NONE = new SearchAttemptListener() {
    };

    /** The API answered an attempt with this HTTP status (success or not). */
    default void answered(int status) {
    }

    /** An attempt failed and the search is tried again; {@code reason} says why (e.g. {@code HTTP 429}). */
    default void retrying(String reason) {
    }
}
