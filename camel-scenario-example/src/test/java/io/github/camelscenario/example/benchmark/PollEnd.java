package io.github.camelscenario.example.benchmark;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * A consumer's {@code pollStrategy} that tells when its first poll ended: with a synchronous route, every exchange of
 * the crawl has then been processed, and every request of the crawl (the one that finds nothing more included) was
 * sent. The benchmark's consumer runs one poll per run.
 */
final class PollEnd implements PollingConsumerPollStrategy {

    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        ended.complete(polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        ended.completeExceptionally(cause);
        return false;
    }

    /** Waits for the first poll's end; fails when it failed or did not end within {@code timeoutSeconds}. */
    void await(long timeoutSeconds) throws InterruptedException, ExecutionException {
        try {
            ended.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The consumer's poll did not end within " + timeoutSeconds + " s", e);
        }
    }
}
