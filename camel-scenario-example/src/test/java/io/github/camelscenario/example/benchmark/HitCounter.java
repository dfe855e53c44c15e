package io.github.camelscenario.example.benchmark;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The downstream step of every variant: takes one hit, reads its id, counts it. A variant that loses or repeats hits
 * fails the run instead of looking fast.
 */
final class HitCounter implements Processor {

    private final long expected;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong idChars = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);

    HitCounter(long expected) {
        this.expected = expected;
    }

    /** One hit as an {@link Asset} (or a Jackson {@code Map}) in the exchange body. */
    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Asset asset) {
            hit(asset.getId());
        } else if (body instanceof Map<?, ?> map) {
            hit((String) map.get("id"));
        } else {
            throw new IllegalStateException("Not a hit: " + body);
        }
    }

    void hit(String id) {
        if (id == null) {
            throw new IllegalStateException("A hit without an id");
        }
        idChars.addAndGet(id.length());
        if (count.incrementAndGet() == expected) {
            done.countDown();
        }
    }

    /** Waits until the expected number of hits has been counted. */
    void await(long timeoutSeconds) throws InterruptedException {
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Only " + count.get() + " of " + expected + " hits in " + timeoutSeconds + " s");
        }
    }

    /** Fails unless exactly the expected number of hits was counted. */
    void verify(String variant) {
        if (count.get() != expected) {
            throw new IllegalStateException(variant + " delivered " + count.get() + " hits, expected " + expected);
        }
        if (idChars.get() == 0) {
            throw new IllegalStateException(variant + " delivered hits without ids");
        }
    }

    long count() {
        return count.get();
    }
}
