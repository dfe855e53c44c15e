package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;

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

    /**
     * One asset by id ({@code GET /assets/{assetId}}), with freshly signed {@code url} and {@code thumbnail.url}. One
     * attempt: the caller retries.
     *
     * @throws ScenarioApiException          when the API answers with an error status (404: no such asset)
     * @throws IOException                   when the API cannot be reached
     * @throws UnsupportedOperationException when this client cannot look assets up (the default)
     */
    default Asset getAsset(String assetId) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot look assets up by id");
    }

    /**
     * A fresh download link of an asset's file ({@code POST /assets/{assetId}/download}): a signed URL, never to be
     * logged. One attempt: the caller retries.
     *
     * @throws ScenarioApiException          when the API answers with an error status, or with no link
     * @throws IOException                   when the API cannot be reached
     * @throws UnsupportedOperationException when this client cannot ask for download links (the default)
     */
    default URI downloadLink(String assetId) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot ask for download links");
    }

    @Override
    default void close() throws IOException {
        // nothing to release by default
    }
}
