package io.github.camelscenario.scenario.client;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyset windows of a crawl. Engines of the Meilisearch kind answer at most the first N hits of a search (N
 * unknown here: Meilisearch's default is 1,000) and their totals never say more. So a crawl walks its search as
 * window 0, and when a window ends (short read, or its totals reached) it asks the same search with the user's filter
 * kept intact AND the keyset clause "at or after the last hit seen" ({@link Keyset}), from offset 0: window 1, and so
 * on. Hits level with the boundary that were seen already are skipped, as are hits the engine puts before it.
 * <p>
 * The crawl ends at the first window that brings nothing new (without a cap, that costs one request more than
 * paging: the window after the last one), or, once a cap was learned, at a window whose total is below it (it held
 * everything left). The cap is learned when a window past window 0 brings a new hit: the window before it was cut
 * at its total. From then on a window ends at its last read that is whole within the cap, so that no read of a
 * later window comes back short.
 * <p>
 * Per window, the reads are paged as before ({@link PageCrawl}: overlapping offset reads, read ahead once the
 * window's first answer told its total). Walker thread only.
 */
final class CrawlWindows {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlWindows.class);

    private final SearchRequest template;
    private final Keyset keyset;
    private final int step;

    /** Read by other threads (progress). */
    private volatile int number;
    private SearchRequest current;
    /** Where the current window continues from; {@code null} for window 0. */
    private Keyset.Values boundary;
    /** Ids level with {@link #boundary} that were seen before it. */
    private Set<String> tiesSeen = Set.of();
    /** Whether a hit of the current window was after the boundary: the rest of it is, too. */
    private boolean pastBoundary;
    private long newHits;
    private long beforeBoundary;
    private long levelSeen;
    /** Whether the crawl ended for another reason than reaching the end of the results. */
    private boolean cutShort;
    private long total = -1;
    private long previousTotal = -1;
    private long learnedCap = -1;

    // the last hit seen in order, and the ids level with it
    private Asset last;
    private String lastKey;
    private final Set<String> lastIds = new HashSet<>();

    CrawlWindows(SearchRequest template, int step) {
        this.template = template;
        this.keyset = Keyset.of(template.getSortBy());
        this.step = step;
        this.current = template;
    }

    /** The search of the current window. */
    SearchRequest search() {
        return current;
    }

    /** 0 for the search as given, then one more for each continuation. */
    int number() {
        return number;
    }

    /** Whether the windows ended without reaching the end of the results (logged at WARN when they did). */
    boolean cutShort() {
        return cutShort;
    }

    /** The cap learned on the engine's paging; {@code -1} while unknown. */
    long learnedCap() {
        return learnedCap;
    }

    /**
     * Whether {@code hit}, read in the current window, was walked by an earlier one: the engine put it before the
     * boundary, or it is level with it and was seen. Every hit the crawl reads in order passes here once.
     */
    boolean seenBefore(Asset hit) {
        boolean seen = false;
        if (boundary != null && !pastBoundary) {
            int c = keyset.compare(keyset.valuesOf(hit), boundary);
            if (c < 0) {
                beforeBoundary++;
                seen = true;
            } else if (c == 0) {
                seen = hit.getId() != null && tiesSeen.contains(hit.getId());
                levelSeen += seen ? 1 : 0;
            } else {
                pastBoundary = true;
            }
        }
        track(hit);
        return seen;
    }

    /** A hit of the current window is handed out. */
    void handedOut() {
        if (boundary != null && newHits == 0 && learnedCap < 0 && previousTotal > 0) {
            // a window past the last one's total brought something new: that total was the engine's cap
            learnedCap = previousTotal;
            LOG.debug("Scenario search engine caps paging at {} hits: the crawl goes on in keyset windows", learnedCap);
        }
        newHits++;
    }

    /** A total one of the current window's answers told. */
    void told(Long told) {
        if (told != null) {
            total = Math.max(total, told);
        }
    }

    /**
     * Whether the read after the hit at {@code anchor} (its {@code step} new hits) lies whole within the learned cap;
     * always when no cap was learned or the current window is below it.
     */
    boolean readFits(long anchor) {
        return learnedCap < 0 || total >= 0 && total < learnedCap || anchor + step < learnedCap;
    }

    /**
     * Moves on to the next window at the end of the current one.
     *
     * @return {@code false} when the crawl is over: the window brought nothing new, held everything left, or the
     *         order cannot be continued (logged at WARN when the window may have been cut by a cap)
     */
    boolean advance() {
        if (boundary != null && newHits == 0) {
            if (beforeBoundary > 0) {
                cutShort = true;
                LOG.warn("Scenario answered the continuation of a crawl (filter '{}') with {} hit(s) before its start: "
                         + "the engine may not apply the filter on {}; the crawl ends here",
                        current.getFilter(), beforeBoundary, keyset.describe());
            } else if (levelSeen >= Paging.MAX_LIMIT && (learnedCap < 0 || levelSeen >= learnedCap)) {
                cutShort = true;
                LOG.warn("Scenario crawl in order {} ends at {} hits level in every key (filter '{}'): if the search "
                         + "engine caps paging at that many, more may share that value; add a key to sortBy that tells "
                         + "them apart",
                        keyset.describe(), levelSeen, current.getFilter());
            } else {
                warnOfMissingValues();
            }
            return false;
        }
        if (last == null || learnedCap >= 0 && total >= 0 && total < learnedCap) {
            warnOfMissingValues();
            return false;
        }
        Keyset.Values values = keyset.valuesOf(last);
        String unknown = keyset.unknownAttribute();
        if (unknown != null || !values.complete()) {
            if (newHits + beforeBoundary >= Paging.MAX_LIMIT) {
                cutShort = true;
                LOG.warn("Scenario crawl in order {} ends after a window of {} hit(s): the search engine may cap deep "
                         + "paging, and this order cannot be continued past it ({}); sort by createdAt, updatedAt, "
                         + "width, height or score to reach every hit", keyset.describe(), newHits,
                        unknown != null ? "the crawl cannot read '" + unknown + "' from a hit"
                                : "the last hit has no value for one of its keys");
            }
            return false;
        }
        number++;
        previousTotal = total;
        boundary = values;
        tiesSeen = Set.copyOf(lastIds);
        pastBoundary = false;
        newHits = 0;
        beforeBoundary = 0;
        levelSeen = 0;
        total = -1;
        current = template.copy();
        current.setFilter(Keyset.and(template.getFilter(), keyset.clauseFrom(values)));
        LOG.debug("Scenario crawl continues in window {}: {}", number, current.getFilter());
        return true;
    }

    /**
     * At the end of a crawl that went past the engine's cap: assets without a value for a key that can be missing
     * ({@code width}, {@code height}) are sorted last by the engine, and no keyset clause on that key reaches them.
     */
    private void warnOfMissingValues() {
        String key = keyset.keyThatMayBeMissing();
        if (learnedCap >= 0 && key != null) {
            cutShort = true;
            LOG.warn("Scenario crawl in order {} went past the search engine's paging cap in keyset windows: assets "
                     + "without a {} (sorted last by the engine) are not reached that way; sort by createdAt or "
                     + "updatedAt to reach every hit", keyset.describe(), key);
        }
    }

    private void track(Asset hit) {
        String key = keyset.rawKey(hit);
        if (key == null || !key.equals(lastKey)) {
            // a hit without its keys cannot be a boundary: nothing is level with it
            lastKey = key;
            lastIds.clear();
        }
        if (key != null && hit.getId() != null) {
            lastIds.add(hit.getId());
        }
        last = hit;
    }
}
