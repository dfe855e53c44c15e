package io.github.camelscenario.scenario.client;

/**
 * How far one window of a crawl may go ({@link CrawlWindows}): the totals the answers tell (they grow when assets are
 * added during the crawl), capped so that a server whose totals keep growing cannot keep a crawl going, plus
 * {@code maxResults} and {@link Paging#MAX_PAGES}.
 */
final class CrawlBounds {

    private final long startOffset;
    private final long maxResults;
    private final int step;

    /** The total of the first answer; {@code -1} until an answer told one. */
    private long firstTotal = -1;
    /** The largest total any answer told, never above {@link #cap}; {@code -1} until an answer told one. */
    private long total = -1;
    /** The most hits the totals may grow to: twice the first total, plus one read. */
    private long cap = Long.MAX_VALUE;
    /** The total of the last answer that told one, as answered (headers). */
    private Long lastTotal;
    /** Whether an answer told a total above {@link #cap}: totals that run away. */
    private boolean clipped;
    /** Whether {@link #total} is an expectation ({@link #assume}) until the first answer tells one. */
    private boolean assumed;

    CrawlBounds(long startOffset, long maxResults, int step) {
        this.startOffset = startOffset;
        this.maxResults = maxResults;
        this.step = step;
    }

    /** Takes in an answer's totals: {@code totalHits}, else {@code estimatedTotalHits}. */
    void learn(SearchPage answer) {
        Long told = answer.getTotalHits() != null ? answer.getTotalHits() : answer.getEstimatedTotalHits();
        if (told == null) {
            return;
        }
        if (assumed) {
            total = -1; // what was told replaces what was expected
            assumed = false;
        }
        lastTotal = told;
        if (firstTotal < 0) {
            firstTotal = told;
            cap = 2 * told + step;
        }
        total = Math.min(Math.max(total, told), cap);
        clipped |= told > cap;
    }

    /** Whether an answer told more than the cap allows: the server's totals ran away, and the crawl stops there. */
    boolean clipped() {
        return clipped;
    }

    /**
     * Expects {@code expected} hits until an answer tells the total: a keyset window once the engine's cap is known
     * holds that many unless it is the last, so its reads can go out before its first answer.
     */
    void assume(long expected) {
        if (total < 0) {
            total = expected;
            assumed = true;
        }
    }

    /** Whether an answer told a total (or one is {@link #assume assumed}): only then are reads requested ahead. */
    boolean totalsKnown() {
        return total >= 0;
    }

    /** The offset no hit of the crawl reaches: from the totals, {@code maxResults} and the page cap. */
    long endOffset() {
        long end = startOffset + (long) Paging.MAX_PAGES * step;
        if (total >= 0) {
            end = Math.min(end, total);
        }
        if (maxResults > 0) {
            end = Math.min(end, startOffset + maxResults);
        }
        return end;
    }

    /** Whether {@code offset} is at or past the end the totals and caps allow. */
    boolean reached(long offset) {
        return offset >= endOffset();
    }

    /** The total the last answer told, as answered; {@code null} when none did. */
    Long lastTotal() {
        return lastTotal;
    }
}
