package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search index in memory, newest first, answering page and offset reads as the API does: each asset has a
 * {@code createdAt} that goes down with its position, a filter {@code createdAt <= "<timestamp>"} (as keyset
 * continuation sends it, anywhere in the filter) is applied, and an optional paging cap ({@link #maxTotalHits}) cuts
 * answers and totals as Meilisearch does. It can be changed while a crawl runs, fail or hold back the reads of a page,
 * and records which page each read was for and every request.
 */
public final class FakeIndex implements ScenarioClient {

    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long GAP = 1L << 20;
    private static final Pattern KEYSET = Pattern.compile("createdAt <= \"([^\"]+)\"");

    /** The page of new hits each read was for (counted within its window), in the order the reads arrived. */
    final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
    /** Every request, in the order it arrived. */
    public final List<SearchRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private final List<String> ids = new ArrayList<>();
    private final List<Long> created = new ArrayList<>();
    private final int step;
    private final Map<Integer, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> failureStatus = new ConcurrentHashMap<>();
    private volatile boolean totals = true;
    private volatile long runawayTotal = -1;
    private volatile long maxTotalHits;
    private volatile Consumer<FakeIndex> beforeAnswer = index -> {
    };
    volatile CountDownLatch gate;
    volatile int gatedPage = -1;

    /**
     * @param step the crawl's new hits per read, to name the page a read is for
     */
    public FakeIndex(int step) {
        this.step = step;
    }

    /** {@code pages} pages of {@code perPage} hits with ids p{page}-{i}, read by a crawl with that page size. */
    public static FakeIndex pages(int pages, int perPage) {
        FakeIndex index = new FakeIndex(perPage);
        for (int p = 1; p <= pages; p++) {
            for (int i = 0; i < perPage; i++) {
                index.insert(index.size(), "p" + p + "-" + i);
            }
        }
        return index;
    }

    /** The ids of pages {@code 1..pages} as {@link #pages} made them. */
    static List<String> idsOf(int pages, int perPage) {
        return List.copyOf(pages(pages, perPage).ids);
    }

    /** Answers tell no totals. */
    FakeIndex withoutTotals() {
        this.totals = false;
        return this;
    }

    /** Answers no hit past the first {@code max} of a search, and totals no higher: Meilisearch's maxTotalHits. */
    public FakeIndex maxTotalHits(long max) {
        this.maxTotalHits = max;
        return this;
    }

    /** A server that never ends: it claims {@code total} hits and answers every read full, with made-up ids. */
    FakeIndex runaway(long total) {
        this.runawayTotal = total;
        return this;
    }

    /** The next {@code times} reads for {@code page} fail with {@code status} (0: an IOException). */
    public FakeIndex failing(int page, int times, int status) {
        failuresLeft.put(page, new AtomicInteger(times));
        failureStatus.put(page, status);
        return this;
    }

    /** Runs before each read is answered (in the thread answering it): a way to change the index mid-crawl. */
    public FakeIndex beforeAnswer(Consumer<FakeIndex> hook) {
        this.beforeAnswer = hook;
        return this;
    }

    public synchronized List<String> snapshot() {
        return List.copyOf(ids);
    }

    public synchronized int size() {
        return ids.size();
    }

    /**
     * Adds an asset at {@code position}, created between its neighbours (at the end: the oldest; at the start: the
     * newest); neighbours created a millisecond apart give it the same {@code createdAt} as one of them.
     */
    public synchronized void insert(int position, String id) {
        int p = Math.min(position, ids.size());
        long at;
        if (ids.isEmpty()) {
            at = BASE;
        } else if (p == 0) {
            at = created.get(0) + GAP;
        } else if (p == ids.size()) {
            at = created.get(p - 1) - GAP;
        } else {
            at = (created.get(p - 1) + created.get(p)) / 2;
        }
        ids.add(p, id);
        created.add(p, at);
    }

    /** Adds {@code count} assets at the end, all created at the same millisecond (a tie in the crawl's order). */
    public synchronized void appendTied(String prefix, int count) {
        long at = ids.isEmpty() ? BASE : created.get(created.size() - 1) - GAP;
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
            created.add(at);
        }
    }

    public synchronized String deleteAt(int position) {
        created.remove(position);
        return ids.remove(position);
    }

    /** The page whose new hits a read brings, counted in pages of {@code step}. */
    int pageOf(SearchRequest r) {
        if (r.getPage() != null) {
            return r.getPage();
        }
        long anchor = r.getOffset() + r.getLimit() - 1 - step;
        return (int) ((anchor + 1) / step) + 1;
    }

    @Override
    public SearchPage search(SearchRequest request) throws IOException {
        int page = pageOf(request);
        asked.add(page);
        requests.add(request.copy());
        if (page == gatedPage) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
        }
        AtomicInteger left = failuresLeft.get(page);
        if (left != null && left.getAndDecrement() > 0) {
            int status = failureStatus.get(page);
            if (status == 0) {
                throw new IOException("connection reset");
            }
            throw new ScenarioApiException(status, "scripted", null, null, 4, true);
        }
        beforeAnswer.accept(this);
        return answer(request);
    }

    private synchronized SearchPage answer(SearchRequest r) {
        boolean byPage = r.getPage() != null;
        long from = byPage ? (long) (r.getPage() - 1) * r.getHitsPerPage() : r.getOffset();
        int count = byPage ? r.getHitsPerPage() : r.getLimit();
        Long notAfter = keysetBound(r.getFilter());
        int first = 0;
        long matching;
        if (runawayTotal >= 0) {
            first = notAfter == null ? 0 : (int) Math.max(0, -Math.floorDiv(notAfter - BASE, GAP));
            matching = runawayTotal;
        } else {
            while (notAfter != null && first < ids.size() && created.get(first) > notAfter) {
                first++;
            }
            matching = ids.size() - first;
        }
        long reachable = maxTotalHits > 0 ? Math.min(matching, maxTotalHits) : matching;
        List<Asset> hits = new ArrayList<>();
        for (long i = from; i < from + count && i < reachable; i++) {
            Asset a = new Asset();
            long at = first + i;
            a.setId(runawayTotal >= 0 ? "r" + at : ids.get((int) at));
            a.setCreatedAt(Instant.ofEpochMilli(runawayTotal >= 0 ? BASE - at * GAP : created.get((int) at)).toString());
            hits.add(a);
        }
        SearchPage answer = new SearchPage();
        answer.setHits(hits);
        if (totals) {
            if (byPage) {
                answer.setPage(r.getPage());
                answer.setHitsPerPage(r.getHitsPerPage());
                answer.setTotalHits(reachable);
                answer.setTotalPages((int) ((reachable + r.getHitsPerPage() - 1) / r.getHitsPerPage()));
            } else {
                answer.setOffset(r.getOffset());
                answer.setLimit(r.getLimit());
                answer.setEstimatedTotalHits(reachable);
            }
        }
        return answer;
    }

    /** The timestamp of a keyset clause in the filter, in epoch millis; {@code null} without one. */
    private static Long keysetBound(String filter) {
        if (filter == null) {
            return null;
        }
        Matcher m = KEYSET.matcher(filter);
        Long bound = null;
        while (m.find()) {
            bound = Instant.parse(m.group(1)).toEpochMilli();
        }
        return bound;
    }
}
