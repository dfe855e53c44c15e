package io.github.camelscenario.scenario;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a consumer's crawls have done so far, filled by the consumer; the crawl's live position is read from the crawl
 * itself ({@link CrawlSnapshot}). Kept apart from the crawl engine so it outlives each crawl.
 */
public final class CrawlStatistics {

    private final LongAdder crawlsStarted = new LongAdder();
    private final LongAdder crawlsCompleted = new LongAdder();
    private final LongAdder exchangesSent = new LongAdder();
    private final LongAdder pollsFailed = new LongAdder();
    private volatile SearchFailure lastFailure;
    private volatile Instant lastSuccessfulPoll;

    void crawlStarted() {
        crawlsStarted.increment();
    }

    void crawlCompleted() {
        crawlsCompleted.increment();
    }

    void exchangeSent() {
        exchangesSent.increment();
    }

    void pollSucceeded() {
        lastSuccessfulPoll = Instant.now();
    }

    void pollFailed(Throwable e, int page) {
        pollsFailed.increment();
        lastFailure = SearchFailure.of(e, page);
    }

    public long getCrawlsStarted() {
        return crawlsStarted.sum();
    }

    public long getCrawlsCompleted() {
        return crawlsCompleted.sum();
    }

    /** Exchanges handed to the route (one per hit emitted). */
    public long getExchangesSent() {
        return exchangesSent.sum();
    }

    public long getPollsFailed() {
        return pollsFailed.sum();
    }

    /** The last poll that failed, kept after later polls succeed (so an operator can see what happened and when). */
    public SearchFailure getLastFailure() {
        return lastFailure;
    }

    /** When a poll last ended without error, {@code null} before. */
    public Instant getLastSuccessfulPoll() {
        return lastSuccessfulPoll;
    }
}
