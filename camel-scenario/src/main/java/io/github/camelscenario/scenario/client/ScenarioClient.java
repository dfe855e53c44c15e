package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;

/**
 * Searches Scenario assets. Implementations are thread-safe: the consumer sends several page requests at once.
 */
public interface ScenarioClient extends Closeable {

    /**
     * Runs one search and returns its page.
     *
     * @throws ScenarioApiException when the API answers with an error status (after retries where retryable)
     * @throws IOException          when the API cannot be reached (after retries)
     */
    SearchPage search(SearchRequest request) throws IOException;

    @Override
    default void close() throws IOException {
        // nothing to release by default
    }
}
