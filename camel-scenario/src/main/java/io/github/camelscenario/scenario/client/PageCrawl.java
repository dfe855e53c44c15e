package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl over every hit of a search, in order, over an index that may change while it runs. No Camel in here: the
 * consumer and the producer's {@link SearchHitIterator} drive it, a test can drive it with a stub client.
 * <p>
 * <b>Reads overlap.</b> The first read asks {@code page}/{@code hitsPerPage} (exact totals); each later read asks
 * {@code offset}/{@code limit} so that it starts {@link #OVERLAP} hits before its new hits, ending on the last hit the
 * read before handed out (the anchor). The crawl finds the anchor in the answer and hands out what follows it: assets
 * added or deleted before it since the last read only move it within the overlap (or further on), so no asset that is
 * in the index from the crawl's start to its end is skipped or handed out twice, as long as the order of those assets
 * does not change (a crawl whose search sets no {@code sortBy} is sorted {@code createdAt:desc}, which never reorders
 * them). When the anchor and the hits before it cannot be found in the answer (more deletes than the overlap), the
 * crawl reads back, then forward, a page at a time until it finds them. Nothing kept grows with the crawl: the hits of
 * the read being handed out and the ids of the last read's hits.
 * <p>
 * <b>Past the engine's paging cap</b> ({@link CrawlWindows}): engines of this kind answer at most the first N hits
 * of a search and their totals never say more. When a window of the crawl ends (a read with fewer hits than asked, or
 * its totals reached: {@link CrawlBounds}), the crawl asks the same search narrowed to the hits at or after the last
 * one seen in its order (keyset continuation), from offset 0, and goes on until a window brings nothing new.
 * <p>
 * <b>Stop rules</b>, whichever comes first: a window that brings nothing new (or, once the cap is known, one that held
 * everything left), {@code maxResults} hits walked, {@link Paging#MAX_PAGES} pages of hits walked, or in catch-up mode
 * the first read that holds an asset where an earlier crawl was known to be complete.
 * <p>
 * <b>Read-ahead</b> ({@link ReadAhead}): once an answer told the totals, the next reads are requested on the executor
 * while this one is handed out; their offsets do not depend on what this read holds, so they stay useful when the
 * index moves.
 * <p>
 * <b>Threading</b>: {@link #next()} is called by one thread (the consumer's poll thread, or the splitter's); the
 * progress getters may be read from others (health checks, JMX), each figure current on its own; {@link #suspend()}
 * may be called from another thread (route stop) and makes a blocked {@link #next()} return {@code null}; so may
 * {@link #stop(String)}, which makes it throw {@link CrawlStoppedException} as soon as it needs a read.
 */
public final class PageCrawl {

    private static final Logger LOG = LoggerFactory.getLogger(PageCrawl.class);

    /** Hits each read repeats from the read before: the anchor and the hits just before it. */
    public static final int OVERLAP = 4;

    /** How many reads back (and forward) a lost anchor is looked for before the crawl goes on without it. */
    static final int RELOCATE_READS = 3;

    /**
     * One hit, its position in the crawl (counted from the first page's first hit, across windows), the page of that
     * position, and the total the crawl's first window told then.
     */
    public record Hit(Asset asset, long offset, int page, Long totalHits) {
    }

    private final int step;
    private final long startOffset;
    private final long maxResults;
    private final ReadAhead reads;
    /** Catch-up mode: whether a complete earlier crawl started at this asset; the crawl ends after its read. */
    private final Predicate<Asset> caughtUp;
    private final CrawlWindows windows;

    // the current window: its bounds, where its next read starts, and what the next read must find
    private CrawlBounds bounds;
    /** The next read starts from scratch at this offset of the window (its first read): no anchor to find. */
    private long freshAt;
    private long anchorOffset = -1;
    private final Deque<String> recent = new ArrayDeque<>();
    private final Set<String> recentIds = new HashSet<>();

    // the read being handed out
    private List<Asset> current;
    private long currentOffset;
    private int index;
    private boolean currentHasMore;
    private boolean endAfterCurrent;

    /** Hits handed out so far (written by the walker only; read by others for progress). */
    private volatile long walked;
    private volatile boolean complete;
    /** Whether the crawl reached the end of the results or, catching up, a read holding what it looked for. */
    private boolean whole;
    /** Whether a read lost its place in the results (they moved too much): hits may have been missed. */
    private boolean lostPlace;
    /** The paging fields of the first answer, without its hits (the producer's headers). */
    private SearchPage firstTotals;
    /** The total the first window's last answer told, as answered (the consumer's header). */
    private Long firstWindowTotal;

    /**
     * @param executor             runs the reads ahead; {@code null} to read in the calling thread (no read-ahead
     *                             whatever {@code prefetchPages} says)
     * @param rateLimitPauseMillis wait before asking again for a read answered 429
     */
    public PageCrawl(ScenarioClient client, SearchRequest template, long maxResults, int prefetchPages,
                     ExecutorService executor, long rateLimitPauseMillis) {
        this(client, template, maxResults, prefetchPages, executor, rateLimitPauseMillis, null);
    }

    /**
     * @param caughtUp a catch-up crawl (a feed): reads one at a time and ends after the first read holding an asset
     *                 {@code caughtUp} accepts, asked of every hit of each read (a mark of an earlier crawl, so
     *                 everything from there on was delivered then); {@code null} for a full crawl
     */
    public PageCrawl(ScenarioClient client, SearchRequest template, long maxResults, int prefetchPages,
                     ExecutorService executor, long rateLimitPauseMillis, Predicate<Asset> caughtUp) {
        this.step = Paging.crawlStep(template);
        this.startOffset = (long) (Paging.firstPage(template) - 1) * step;
        this.maxResults = maxResults;
        this.caughtUp = caughtUp;
        // a catch-up crawl reads only what it must: a read ahead could be past the point it catches up
        this.reads = new ReadAhead(client, executor, caughtUp == null ? prefetchPages : 0, rateLimitPauseMillis);
        this.windows = new CrawlWindows(Paging.crawlTemplate(template), step);
        this.bounds = new CrawlBounds(startOffset, maxResults, step);
        this.freshAt = startOffset;
    }

    /**
     * The next hit, in order, reading as needed.
     *
     * @return                       the hit, or {@code null} when the crawl is complete ({@link #isComplete()}) or
     *                               was suspended meanwhile
     * @throws IOException           when a read fails (after the client's retries); the position stays, so the next
     *                               call asks that read again
     * @throws ScenarioApiException  when the API answers with an error
     * @throws CrawlStoppedException when a read is still to come after {@link #stop(String)} (hits of the read in hand
     *                               are still handed out), or when the pool that should run it shut down
     */
    public Hit next() throws IOException {
        while (!reads.isSuspended()) {
            if (complete) {
                return null;
            }
            if (maxResults > 0 && walked >= maxResults || walked >= (long) Paging.MAX_PAGES * step) {
                finish(false);
                return null;
            }
            if (current != null && index < current.size()) {
                return handOut(current.get(index++));
            }
            if (current != null && (!currentHasMore || endAfterCurrent)) {
                if (endAfterCurrent) {
                    finish(true);
                    return null;
                }
                if (!nextWindow()) {
                    finish(!bounds.clipped() && !windows.cutShort() && !lostPlace);
                    return null;
                }
            }
            if (!read()) {
                return null; // suspended while waiting
            }
        }
        return null;
    }

    /** Hits of the read in hand still to hand out: {@link #next()} returns them without a request. */
    public int remainingInRead() {
        if (current == null || complete) {
            return 0;
        }
        int left = current.size() - index;
        return maxResults > 0 ? (int) Math.min(left, Math.max(0, maxResults - walked)) : left;
    }

    private Hit handOut(Asset asset) {
        windows.handedOut();
        long offset = startOffset + walked;
        walked++;
        return new Hit(asset, offset, pageOf(offset), firstWindowTotal);
    }

    /**
     * Reads what comes after the anchor; at a window's start, page paging (exact totals). {@code false} when suspended
     * meanwhile.
     */
    private boolean read() throws IOException {
        SearchRequest search = windows.search();
        if (freshAt >= 0) {
            // window 0 starts at the search's page; later windows at the first page of their continuation
            boolean first = windows.number() == 0;
            int size = first ? step : Math.min(Paging.MAX_LIMIT, step + OVERLAP);
            int page = first ? pageOf(freshAt) : 1;
            if (!first && windows.learnedCap() > 0) {
                // the engine's cap is known: the window's next reads go out with its first one, not after it
                bounds.assume(windows.learnedCap());
                topUpAfter(size - 1);
            }
            // a negative key: never one of the window's, which are anchors
            SearchPage answer = reads.fetch(-1 - freshAt, Paging.pageRequest(search, page, size), pageOf(startOffset + walked));
            if (answer == null) {
                return false;
            }
            learn(answer);
            long offset = freshAt;
            freshAt = -1;
            accept(answer.getHits(), offset, size, 0);
            return true;
        }
        long anchor = anchorOffset;
        long offset = readOffset(anchor);
        int limit = readLimit(anchor);
        topUpAfter(anchor + step);
        SearchPage answer = reads.fetch(anchor, Paging.offsetRequest(search, offset, limit), pageOf(startOffset + walked));
        if (answer == null) {
            return false;
        }
        learn(answer);
        int from = locate(answer.getHits());
        if (from < 0 && !answer.getHits().isEmpty()) {
            return relocate(answer, offset, limit);
        }
        // an empty answer: the window ends before this read
        accept(answer.getHits(), offset, limit, Math.max(from, 0));
        return true;
    }

    /** Where the read after the hit at {@code anchor} starts: {@link #OVERLAP} hits back, the anchor included. */
    private static long readOffset(long anchor) {
        return Math.max(0, anchor - (OVERLAP - 1));
    }

    /** How many hits the read after the hit at {@code anchor} asks: its overlap and {@link #step} new ones. */
    private int readLimit(long anchor) {
        return (int) (anchor - readOffset(anchor)) + 1 + step;
    }

    private void learn(SearchPage answer) {
        bounds.learn(answer);
        Long told = answer.getTotalHits() != null ? answer.getTotalHits() : answer.getEstimatedTotalHits();
        windows.told(told);
        if (windows.number() == 0) {
            if (firstTotals == null) {
                firstTotals = totalsOf(answer);
            }
            if (told != null) {
                firstWindowTotal = told;
            }
        }
    }

    /**
     * Index in {@code hits} of the first hit to hand out: after the anchor, or after the newest hit of the last read
     * found in them when the anchor itself was deleted; {@code -1} when none is there.
     */
    private int locate(List<Asset> hits) {
        int best = -1;
        int bestAge = Integer.MAX_VALUE;
        for (int i = 0; i < hits.size(); i++) {
            String id = hits.get(i).getId();
            if (id != null && recentIds.contains(id)) {
                int age = ageOf(id);
                if (age < bestAge) {
                    best = i;
                    bestAge = age;
                }
            }
        }
        return best < 0 ? -1 : best + 1;
    }

    /** 0 for the anchor, 1 for the hit before it, ... */
    private int ageOf(String id) {
        int age = 0;
        for (var it = recent.descendingIterator(); it.hasNext(); age++) {
            if (it.next().equals(id)) {
                return age;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The anchor moved further than the overlap: reads back, then forward, a page at a time, until a read holds it (or
     * a hit before it).
     */
    private boolean relocate(SearchPage answer, long offset, int limit) throws IOException {
        reads.cancelAll(); // reads ahead were asked where the crawl no longer goes
        for (int n = 1; n <= RELOCATE_READS; n++) {
            for (long at : new long[] { offset - (long) n * step, offset + (long) n * step }) {
                if (at < 0) {
                    continue;
                }
                SearchPage other = reads.fetch(-1 - at, Paging.offsetRequest(windows.search(), at, limit),
                        pageOf(startOffset + walked));
                if (other == null) {
                    return false;
                }
                learn(other);
                int from = locate(other.getHits());
                if (from >= 0) {
                    LOG.debug("Scenario results moved by more than the overlap: found the crawl's place again at "
                              + "offset {}", at + from);
                    accept(other.getHits(), at, limit, from);
                    return true;
                }
            }
        }
        lostPlace = true;
        LOG.warn("Scenario results moved so much that the crawl lost its place near offset {}: it goes on from there, "
                 + "and may miss or repeat hits of this crawl", offset);
        accept(answer.getHits(), offset, limit, 0);
        return true;
    }

    /**
     * Makes {@code hits[from..]} the hits to hand out, less those handed out already: by the read before (the
     * overlap), or by an earlier window (level with or before where this window continues from).
     */
    private void accept(List<Asset> hits, long offset, int limit, int from) {
        List<Asset> fresh = new ArrayList<>(Math.max(0, hits.size() - from));
        for (int i = from; i < hits.size(); i++) {
            Asset hit = hits.get(i);
            String id = hit.getId();
            if (id != null && recentIds.contains(id)) {
                continue;
            }
            if (!windows.seenBefore(hit)) {
                fresh.add(hit);
            }
            // handed out or not, in order: the next read finds its place by it
            remember(id);
        }
        long last = offset + hits.size() - 1;
        current = fresh;
        currentOffset = offset + from;
        index = 0;
        currentHasMore = hits.size() >= limit && !bounds.reached(last + 1) && windows.readFits(last);
        // every hit of the read is asked (not only up to the first): the caller learns each mark it holds
        endAfterCurrent = caughtUp != null
                          && hits.stream().filter(a -> a.getId() != null && caughtUp.test(a)).count() > 0;
        if (!hits.isEmpty()) {
            anchorOffset = last;
        }
        if (currentHasMore && !endAfterCurrent) {
            topUpAfter(anchorOffset);
        }
    }

    /** Keeps the ids of the last read's hits: the next read finds its place by them. */
    private void remember(String id) {
        if (id == null) {
            return;
        }
        recent.addLast(id);
        recentIds.add(id);
        if (recent.size() > step + OVERLAP) {
            recentIds.remove(recent.removeFirst());
        }
    }

    /** Starts the next keyset window; {@code false} when there is none (the crawl is over). */
    private boolean nextWindow() {
        reads.cancelAll();
        if (bounds.clipped()) {
            LOG.warn("Scenario's totals kept growing during a crawl (more than twice the first total): the crawl ends "
                     + "after {} hit(s) rather than follow them", walked);
            return false;
        }
        if (!windows.advance()) {
            return false;
        }
        bounds = new CrawlBounds(0, 0, step);
        freshAt = 0;
        anchorOffset = -1;
        recent.clear();
        recentIds.clear();
        current = null;
        return true;
    }

    /**
     * Requests, ahead, the reads that follow the hit at {@code lastHit}: the reads whose anchors are {@code lastHit},
     * then one step further each, as many as the window holds, never past the end known so far.
     */
    private void topUpAfter(long lastHit) {
        int window = reads.window();
        if (!bounds.totalsKnown() || window <= 0) {
            return;
        }
        long end = bounds.endOffset();
        if (maxResults > 0) {
            // offsets of this window: what maxResults still allows from where the crawl stands
            end = Math.min(end, lastHit + 1 + Math.max(0, maxResults - walked - remainingInRead()));
        }
        long[] anchors = new long[window];
        int n = 0;
        for (long a = lastHit; n < window && a + 1 < end && windows.readFits(a); a += step) {
            anchors[n++] = a;
        }
        if (n > 0) {
            SearchRequest search = windows.search();
            reads.topUp(Arrays.copyOf(anchors, n), a -> Paging.offsetRequest(search, readOffset(a), readLimit(a)));
        }
    }

    private void finish(boolean reachedEnd) {
        whole = reachedEnd;
        complete = true;
        current = null;
        reads.cancelAll();
    }

    private int pageOf(long offset) {
        return (int) Math.min(Integer.MAX_VALUE, offset / step + 1);
    }

    private static SearchPage totalsOf(SearchPage answer) {
        SearchPage t = new SearchPage();
        t.setPage(answer.getPage());
        t.setHitsPerPage(answer.getHitsPerPage());
        t.setTotalHits(answer.getTotalHits());
        t.setTotalPages(answer.getTotalPages());
        t.setEstimatedTotalHits(answer.getEstimatedTotalHits());
        t.setOffset(answer.getOffset());
        t.setLimit(answer.getLimit());
        return t;
    }

    /** Cancels the reads in flight (route stop or suspend); a blocked {@link #next()} returns {@code null}. */
    public void suspend() {
        reads.suspend();
    }

    /**
     * Carries on from the same position after {@link #suspend()}, with the (new) client and executor. Reads left from
     * the old pool are dropped: it may never run them.
     */
    public void resume(ScenarioClient newClient, ExecutorService newExecutor) {
        reads.resume(newClient, newExecutor);
    }

    /**
     * Stops the crawl for good (its owner stops): reads in flight are cancelled, nothing more is requested, and a
     * {@link #next()} waiting for a read, or needing one later, throws {@link CrawlStoppedException} naming the page
     * and {@code reason}.
     *
     * @param reason who stopped it, for the error; must not hold credentials
     */
    public void stop(String reason) {
        reads.stop(reason);
    }

    /** Whether {@link #stop(String)} was called. */
    public boolean isStopped() {
        return reads.isStopped();
    }

    /** Whether every hit has been handed out. */
    public boolean isComplete() {
        return complete;
    }

    /**
     * Whether the complete crawl walked down to the end of the results, or (catching up) to a read holding what it
     * looked for; not when {@code maxResults}, the page cap, totals that ran away, an order that cannot be continued or a
     * lost place ended or cut it.
     */
    public boolean isWhole() {
        return complete && whole;
    }

    /** The position of the next hit to hand out (the offset of the first page's first hit, plus hits walked). */
    public long position() {
        return startOffset + walked;
    }

    /** Hits walked so far (handed out, whatever the caller did with them). */
    public long walked() {
        return walked;
    }

    /** The paging fields of the first answer, without hits; {@code null} before it. */
    public SearchPage getFirstTotals() {
        return firstTotals;
    }

    /** The page of the next hit, counted in pages of the crawl's new hits per read. */
    public int getPage() {
        return pageOf(position());
    }

    /** The read-ahead window now (smaller than configured after a 429). */
    public int getWindow() {
        return reads.window();
    }

    /** Reads sent so far (each counted once, whatever the client's own retries). */
    public int getRequests() {
        return reads.requests();
    }

    public int getPagesInFlight() {
        return reads.inFlight();
    }

    /** Keyset windows walked so far past the first (0 while the crawl stays within the engine's paging cap). */
    public int getContinuations() {
        return windows.number();
    }
}
