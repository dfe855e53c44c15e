package io.github.camelscenario.example.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The downstream step of every variant: takes one hit, reads its id, counts it, and keeps a 64-bit hash of the id in
 * an array sized before the run (nothing allocated while timed, no id kept alive). A variant that loses or repeats
 * hits fails the run instead of looking fast: {@link #verify} wants exactly the expected number of deliveries, all of
 * distinct ids.
 */
final class HitCounter implements Processor {

    private final int expected;
    private final AtomicLong count = new AtomicLong();
    /** FNV-1a hashes of the ids delivered, in order of delivery (at most {@link #expected}). */
    private final long[] idHashes;

    HitCounter(int expected) {
        this.expected = expected;
        this.idHashes = new long[expected];
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
        long n = count.incrementAndGet();
        if (n <= expected) {
            idHashes[(int) n - 1] = fnv1a(id);
        }
    }

    /** Fails unless exactly the expected number of hits was counted, each with an id of its own. */
    void verify(String variant) {
        if (count.get() != expected) {
            throw new IllegalStateException(variant + " delivered " + count.get() + " hits, expected " + expected);
        }
        long distinct = Arrays.stream(idHashes).distinct().count();
        if (distinct != expected) {
            throw new IllegalStateException(variant + " delivered " + expected + " hits but only " + distinct
                                            + " distinct ids");
        }
    }

    /** 64 bits: two of 100,000 distinct ids share one with odds below 1 in 10^9. */
    private static long fnv1a(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    long count() {
        return count.get();
    }
}
