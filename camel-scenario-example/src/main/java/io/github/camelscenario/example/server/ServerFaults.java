package io.github.camelscenario.example.server;

import java.util.Random;

/**
 * Fault and load knobs for search requests, changeable while the server runs (all thread-safe). Off by default.
 * <ul>
 * <li>{@link #latencyMillis(long)}: every search request waits this long before it is answered (on its own thread,
 * so concurrent requests wait in parallel);</li>
 * <li>{@link #rateLimitEvery(int)}: every Nth search request (by the server's search request count) is answered 429
 * with {@code Retry-After: }{@link #retryAfterSeconds(int)};</li>
 * <li>{@link #errorRate(double)}: that share of search requests is answered 503, drawn from a Random seeded with
 * {@link #errorSeed(long)} so that a test run is repeatable.</li>
 * </ul>
 */
public final class ServerFaults {

    private volatile long latencyMillis;
    private volatile int rateLimitEvery;
    private volatile int retryAfterSeconds = 1;
    private volatile double errorRate;
    private final Random errorRandom = new Random(42);

    public ServerFaults latencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latencyMillis must be 0 or more, not " + millis);
        }
        this.latencyMillis = millis;
        return this;
    }

    /** 0 turns rate limiting off. */
    public ServerFaults rateLimitEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("rateLimitEvery must be 0 (off) or more, not " + n);
        }
        this.rateLimitEvery = n;
        return this;
    }

    public ServerFaults retryAfterSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be 0 or more, not " + seconds);
        }
        this.retryAfterSeconds = seconds;
        return this;
    }

    public ServerFaults errorRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1, not " + rate);
        }
        this.errorRate = rate;
        return this;
    }

    /** Restarts the 5xx draw sequence from {@code seed}. */
    public ServerFaults errorSeed(long seed) {
        synchronized (errorRandom) {
            errorRandom.setSeed(seed);
        }
        return this;
    }

    /** Turns every fault off. */
    public ServerFaults reset() {
        latencyMillis = 0;
        rateLimitEvery = 0;
        errorRate = 0;
        retryAfterSeconds = 1;
        return this;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public int rateLimitEvery() {
        return rateLimitEvery;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public double errorRate() {
        return errorRate;
    }

    boolean isRateLimited(long requestNumber) {
        int every = rateLimitEvery;
        return every > 0 && requestNumber % every == 0;
    }

    boolean drawServerError() {
        double rate = errorRate;
        if (rate <= 0) {
            return false;
        }
        synchronized (errorRandom) {
            return errorRandom.nextDouble() < rate;
        }
    }
}
