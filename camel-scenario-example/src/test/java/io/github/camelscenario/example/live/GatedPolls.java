package io.github.camelscenario.example.live;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * A consumer's {@code pollStrategy} that lets a test run one poll at a time: the scheduler ticks often, but a poll
 * begins only when {@link #pollOnce} released one, and {@link #pollOnce} returns when that poll has ended (every
 * exchange of a synchronous route processed). So a test knows exactly where one crawl starts and ends.
 */
public final class GatedPolls implements PollingConsumerPollStrategy {

    /** How a poll ended: the number of exchanges, or the exception it failed with; and how long it ran. */
    public record Outcome(int polled, Exception error, long nanos) {
    }

    private final Semaphore permits = new Semaphore(0);
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** When the running poll began (scheduler thread only). */
    private long began;

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (!permits.tryAcquire()) {
            return false;
        }
        began = System.nanoTime();
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        outcomes.add(new Outcome(polledMessages, null, System.nanoTime() - began));
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        outcomes.add(new Outcome(-1, cause, System.nanoTime() - began));
        return false;
    }

    /** Lets one poll run and waits for its end; fails when it does not end within {@code timeoutSeconds}. */
    public Outcome pollOnce(long timeoutSeconds) throws InterruptedException {
        permits.release();
        Outcome outcome = outcomes.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("The consumer's poll did not end within " + timeoutSeconds + " s");
        }
        return outcome;
    }
}
