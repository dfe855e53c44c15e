package io.github.camelscenario.scenario;

import java.time.Instant;

import io.github.camelscenario.scenario.client.PageCrawl;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * A consumer's crawl figures at one moment, as the dev console, JMX and the health check show them. Read without
 * locking from another thread than the poll's: each figure is current, together they may be a few hits apart.
 *
 * @param crawlKind          {@code full} or {@code catch-up} (a feed reading newest first down to its last mark);
 *                           {@code null} before the first crawl
 * @param keysetWindows      windows the current crawl went on in past the engine's paging cap (0 within it)
 * @param page               the page the crawl stands at (the next hit comes from it), in pages of its read size
 * @param offset             the offset of the next hit in the results
 * @param window             pages requested ahead now (shrinks after a 429, grows back)
 * @param pageRequests       page requests sent by the current crawl (the client's retries not counted)
 * @param hitsWalked         hits the current crawl walked, emitted or skipped
 * @param pagesInFlight      pages requested ahead and not yet handed out
 * @param crawlComplete      whether the current crawl walked every page (the next poll starts a new one)
 * @param httpAnswers        HTTP answers the endpoint's client received (retries included)
 * @param retries            attempts its client tried again (429, 500, 502, 503, 504, I/O errors)
 * @param rateLimited        HTTP 429 answers
 * @param repositorySize     ids in the onlyNew repository, {@code null} when it cannot tell (JDBC, ...) or no onlyNew
 * @param repositoryType     the onlyNew repository's class name, {@code null} without onlyNew
 */
public record CrawlSnapshot(String crawlKind, int keysetWindows, int page, long offset, int window, int pageRequests, long hitsWalked, int pagesInFlight,
        boolean crawlComplete, long crawlsStarted, long crawlsCompleted, long exchangesSent, long pollsFailed,
        long httpAnswers, long retries, long rateLimited, SearchFailure lastFailure, Instant lastSuccessfulPoll,
        Long repositorySize, String repositoryType) {

    static CrawlSnapshot of(Crawl crawl, CrawlStatistics stats, ScenarioTraffic traffic,
                            IdempotentRepository repository) {
        boolean started = crawl != null;
        PageCrawl pages = started ? crawl.pages : null;
        String kind = !started ? null : crawl.kind() == Crawl.Kind.CATCH_UP ? "catch-up" : "full";
        return new CrawlSnapshot(kind, started ? pages.getContinuations() : 0, started ? pages.getPage() : 0, started ? pages.position() : 0,
                started ? pages.getWindow() : 0, started ? pages.getRequests() : 0, started ? pages.walked() : 0,
                started ? pages.getPagesInFlight() : 0, started && pages.isComplete(), stats.getCrawlsStarted(),
                stats.getCrawlsCompleted(), stats.getExchangesSent(), stats.getPollsFailed(), traffic.getAnswers(),
                traffic.getRetries(), traffic.getRateLimited(), stats.getLastFailure(), stats.getLastSuccessfulPoll(),
                sizeOf(repository), repository == null ? null : repository.getClass().getName());
    }

    /** The repositories of camel-support say how many ids they hold; others (JDBC, Redis...) are not asked. */
    private static Long sizeOf(IdempotentRepository repository) {
        if (repository instanceof MemoryIdempotentRepository memory) {
            return (long) memory.getCacheSize();
        }
        if (repository instanceof FileIdempotentRepository file) {
            return (long) file.getCacheSize();
        }
        return null;
    }
}
