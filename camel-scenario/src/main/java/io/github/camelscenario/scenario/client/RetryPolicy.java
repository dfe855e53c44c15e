package io.github.camelscenario.scenario.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a search again: exponential backoff with jitter, or the server's own hint (Retry-After or
 * {@code remainingSeconds}), never more than {@code maxDelay}.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("retryInitialDelay must be 0 or more, was " + initialDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "retryMaxDelay (" + maxDelay + ") must be at least retryInitialDelay (" + initialDelay + ")");
        }
    }

    /**
     * Statuses worth asking again for a read-only search: rate limiting and server-side failures. 500 is among them
     * because a search changes nothing, and one transient 500 must not end a long crawl.
     */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @param serverHint what the server asked for, or {@code null}
     */
    public Duration delayBefore(int retry, Duration serverHint) {
        if (serverHint != null && !serverHint.isNegative()) {
            return min(serverHint, maxDelay);
        }
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        // "equal jitter": at least half the backoff, so clients that failed together spread out but still wait
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
