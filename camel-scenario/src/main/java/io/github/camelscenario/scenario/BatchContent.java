package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;

/**
 * The files of the batch a consumer with {@code content=file|thumbnail} is sending: submitted to the
 * {@link ContentReadAhead} in the batch's order (the read-ahead starts at most {@code downloadConcurrency} at once),
 * handed out one per exchange, and those no exchange took discarded. Poll thread only.
 */
final class BatchContent {

    private final ContentReadAhead downloads;
    private final Deque<ContentReadAhead.Handle> handles = new ArrayDeque<>();

    BatchContent(ContentReadAhead downloads) {
        this.downloads = downloads;
    }

    void submit(Asset hit) {
        handles.add(downloads.submit(hit));
    }

    /**
     * Puts the next file on the exchange. A download that failed (after refreshing an expired link and retrying what
     * is transient), however it failed, fails this exchange only: the route's error handling gets it once (no
     * redelivery: it would route the hit itself, not its file), and the feed goes on.
     *
     * @return {@code false} when the consumer is stopping: the exchange must not be sent
     */
    boolean fill(Exchange exchange) {
        try {
            downloads.fill(handles.poll(), exchange);
        } catch (InterruptedIOException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            exchange.setException(e);
            exchange.getExchangeExtension().setRedeliveryExhausted(true);
        }
        return true;
    }

    /** Aborts the downloads of the hits not sent and deletes their files. */
    void discardRest() {
        for (ContentReadAhead.Handle h; (h = handles.poll()) != null;) {
            downloads.discard(h);
        }
    }

    /**
     * Aborts everything and shuts the read-ahead's pool down (the consumer stops, maybe while its poll still runs):
     * the read-ahead cancels every handle itself, so the poll thread's queue is left to the poll thread.
     */
    void close() {
        downloads.close();
    }
}
