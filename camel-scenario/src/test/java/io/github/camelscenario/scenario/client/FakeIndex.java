package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A search index in memory, in the crawl's order, answering page and offset reads as the API does; it can be changed
 * while a crawl runs, fail or hold back the reads of a page, and records which page each read was for.
 */
final class FakeIndex implements ScenarioClient {

    /** The page of new hits each read was for, in the order the reads arrived. */
    final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());

    private final List<String> ids = new ArrayList<>();
    private final int step;
    private final Map<Integer, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> failureStatus = new ConcurrentHashMap<>();
    private volatile boolean totals = true;
    private volatile long runawayTotal = -1;
    private volatile Consumer<FakeIndex> beforeAnswer = index -> {
    };
    volatile CountDownLatch gate;
    volatile int gatedPage = -1;

    /**
     * @param step the crawl's new hits per read, to name the page a read is for
     */
    FakeIndex(int step) {
        this.step = step;
    }

    /** {@code pages} pages of {@code perPage} hits with ids p{page}-{i}, read by a crawl with that page size. */
    static FakeIndex pages(int pages, int perPage) {
        FakeIndex index = new FakeIndex(perPage);
        for (int p = 1; p <= pages; p++) {
            for (int i = 0; i < perPage; i++) {
                index.ids.add("p" + p + "-" + i);
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

    /** A server that never ends: it claims {@code total} hits and answers every read full, with made-up ids. */
    FakeIndex runaway(long total) {
        this.runawayTotal = total;
        return this;
    }

    /** The next {@code times} reads for {@code page} fail with {@code status} (0: an IOException). */
    FakeIndex failing(int page, int times, int status) {
        failuresLeft.put(page, new AtomicInteger(times));
        failureStatus.put(page, status);
        return this;
    }

    /** Runs before each read is answered (in the thread answering it): a way to change the index mid-crawl. */
    FakeIndex beforeAnswer(Consumer<FakeIndex> hook) {
        this.beforeAnswer = hook;
        return this;
    }

    synchronized List<String> snapshot() {
        return List.copyOf(ids);
    }

    synchronized int size() {
        return ids.size();
    }

    synchronized void insert(int position, String id) {
        ids.add(Math.min(position, ids.size()), id);
    }

    synchronized String deleteAt(int position) {
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
        List<Asset> hits = new ArrayList<>();
        for (long i = from; i < from + count && (runawayTotal >= 0 || i < ids.size()); i++) {
            Asset a = new Asset();
            a.setId(runawayTotal >= 0 ? "r" + i : ids.get((int) i));
            hits.add(a);
        }
        SearchPage answer = new SearchPage();
        answer.setHits(hits);
        if (totals) {
            long total = runawayTotal >= 0 ? runawayTotal : ids.size();
            if (byPage) {
                answer.setPage(r.getPage());
                answer.setHitsPerPage(r.getHitsPerPage());
                answer.setTotalHits(total);
                answer.setTotalPages((int) ((total + r.getHitsPerPage() - 1) / r.getHitsPerPage()));
            } else {
                answer.setOffset(r.getOffset());
                answer.setLimit(r.getLimit());
                answer.setEstimatedTotalHits(total);
            }
        }
        return answer;
    }
}
