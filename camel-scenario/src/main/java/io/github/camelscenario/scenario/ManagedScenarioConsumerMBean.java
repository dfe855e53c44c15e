package io.github.camelscenario.scenario;

import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;

/**
 * The consumer's crawl figures as JMX attributes, added by Camel's management to the consumer's own MBean (the
 * consumer is a {@code @ManagedResource}); and an operation to start a fresh crawl.
 */
public interface ManagedScenarioConsumerMBean {

    /** The crawl figures now. */
    CrawlSnapshot getCrawlSnapshot();

    @ManagedOperation(description = "Starts a fresh crawl from the first page at the next poll (the current one is"
                                    + " dropped; with onlyNew, delivered ids stay in the repository)")
    void startFreshCrawl();

    @ManagedAttribute(description = "The current crawl's kind: full, or catch-up (a feed reading newest first down to"
                                    + " its last mark)")
    default String getCrawlKind() {
        return getCrawlSnapshot().crawlKind();
    }

    @ManagedAttribute(description = "Keyset windows the current crawl went on in past the engine's paging cap")
    default int getCrawlKeysetWindows() {
        return getCrawlSnapshot().keysetWindows();
    }

    @ManagedAttribute(description = "The page the current crawl stands at")
    default int getCrawlPage() {
        return getCrawlSnapshot().page();
    }

    @ManagedAttribute(description = "The offset of the next hit in the results")
    default long getCrawlOffset() {
        return getCrawlSnapshot().offset();
    }

    @ManagedAttribute(description = "Pages requested ahead now (shrinks after a 429)")
    default int getPrefetchWindow() {
        return getCrawlSnapshot().window();
    }

    @ManagedAttribute(description = "Page requests sent by the current crawl")
    default int getCrawlPageRequests() {
        return getCrawlSnapshot().pageRequests();
    }

    @ManagedAttribute(description = "Hits walked by the current crawl, emitted or skipped")
    default long getCrawlHitsWalked() {
        return getCrawlSnapshot().hitsWalked();
    }

    @ManagedAttribute(description = "Whether the current crawl is complete (the next poll starts a new one)")
    default boolean isCrawlComplete() {
        return getCrawlSnapshot().crawlComplete();
    }

    @ManagedAttribute(description = "Crawls started since the consumer was created")
    default long getCrawlsStarted() {
        return getCrawlSnapshot().crawlsStarted();
    }

    @ManagedAttribute(description = "Crawls completed since the consumer was created")
    default long getCrawlsCompleted() {
        return getCrawlSnapshot().crawlsCompleted();
    }

    @ManagedAttribute(description = "Exchanges sent to the route (one per hit emitted)")
    default long getExchangesSent() {
        return getCrawlSnapshot().exchangesSent();
    }

    @ManagedAttribute(description = "Polls that failed")
    default long getPollsFailed() {
        return getCrawlSnapshot().pollsFailed();
    }

    @ManagedAttribute(description = "HTTP answers received by the endpoint's client, retries included")
    default long getHttpAnswers() {
        return getCrawlSnapshot().httpAnswers();
    }

    @ManagedAttribute(description = "Attempts the endpoint's client tried again (429, 500, 502, 503, 504, I/O errors)")
    default long getRetries() {
        return getCrawlSnapshot().retries();
    }

    @ManagedAttribute(description = "HTTP 429 (rate limited) answers")
    default long getRateLimited() {
        return getCrawlSnapshot().rateLimited();
    }

    @ManagedAttribute(description = "Ids in the onlyNew repository, -1 when it cannot tell or without onlyNew")
    default long getIdempotentRepositorySize() {
        Long size = getCrawlSnapshot().repositorySize();
        return size == null ? -1 : size;
    }

    @ManagedAttribute(description = "The last poll failure: message (empty if none)")
    default String getLastFailureMessage() {
        SearchFailure f = getCrawlSnapshot().lastFailure();
        return f == null ? "" : f.message();
    }

    @ManagedAttribute(description = "The last poll failure: HTTP status, 0 when unreachable or none")
    default int getLastFailureStatus() {
        SearchFailure f = getCrawlSnapshot().lastFailure();
        return f == null || f.status() == null ? 0 : f.status();
    }

    @ManagedAttribute(description = "The last poll failure: the API's error code (empty if none)")
    default String getLastFailureCode() {
        SearchFailure f = getCrawlSnapshot().lastFailure();
        return f == null || f.errorCode() == null ? "" : f.errorCode();
    }

    @ManagedAttribute(description = "The last poll failure: the page that failed, 0 if none")
    default int getLastFailurePage() {
        SearchFailure f = getCrawlSnapshot().lastFailure();
        return f == null || f.page() == null ? 0 : f.page();
    }

    @ManagedAttribute(description = "The last poll failure: when (ISO-8601, empty if none)")
    default String getLastFailureTime() {
        SearchFailure f = getCrawlSnapshot().lastFailure();
        return f == null ? "" : f.at().toString();
    }
}
