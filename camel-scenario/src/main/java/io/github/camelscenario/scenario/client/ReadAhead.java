package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crawl has in flight: the reads requested ahead of the one being walked, keyed by their offset, and how that
 * window adapts to rate limits. One walker thread fetches; {@link #suspend()} and {@link #stop(String)} may come from
 * another.
 * <p>
 * A read answered 429 after the client's own retries halves the window (down to 0) and is asked again; at window 0 a
 * 429 fails like any other error. After {@link #GROW_AFTER_READS} good reads in a row the window grows back by one.
 * <p>
 * Bounded waits: a wait ends with the answer, an error, {@code null} (suspended) or {@link CrawlStoppedException}. A
 * request its pool will never run (rejected, dropped by a caller-runs policy of a pool shut down, or drained by
 * {@code shutdownNow}) ends the wait once that pool is shut down or terminated.
 */
final class ReadAhead {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    /** Good reads in a row after which a shrunken window grows back by one read. */
    static final int GROW_AFTER_READS = 8;

    /** How often a wait looks whether the pool that should run the request has ended. */
    static final long POOL_CHECK_MILLIS = 200;

    private final int configuredWindow;
    private final long rateLimitPauseMillis;
    private volatile ScenarioClient client;
    private volatile ExecutorService executor;

    // "suspended or stopped => nothing in flight" holds under the lock of inFlight, which the flags are written under
    private final TreeMap<Long, Read> inFlight = new TreeMap<>();
    private volatile boolean suspended;
    private volatile String stoppedReason;
    private volatile Read awaited;
    private int window;
    private int successesInARow;
    private int requests;

    /**
     * @param executor runs the reads ahead; {@code null} to read in the calling thread (no window whatever
     *                 {@code prefetch} says)
     */
    ReadAhead(ScenarioClient client, ExecutorService executor, int prefetch, long rateLimitPauseMillis) {
        this.client = client;
        this.executor = executor;
        this.configuredWindow = executor == null ? 0 : prefetch;
        this.window = configuredWindow;
        this.rateLimitPauseMillis = rateLimitPauseMillis;
    }

    /**
     * The answer to the read at {@code offset}: the one requested ahead, else asked now.
     *
     * @param  page                  the page number to name in a stop error
     * @return                       the answer, or {@code null} when suspended meanwhile
     * @throws IOException           when the read fails after the client's retries
     * @throws ScenarioApiException  when the API answers with an error
     * @throws CrawlStoppedException after {@link #stop(String)}, or when the pool that should run it shut down
     */
    SearchPage fetch(long offset, SearchRequest request, int page) throws IOException {
        while (true) {
            throwIfStopped(page);
            Read read;
            synchronized (inFlight) {
                read = inFlight.remove(offset);
            }
            if (read == null) {
                read = request(request);
            }
            try {
                SearchPage answer = await(read);
                if (window < configuredWindow && ++successesInARow >= GROW_AFTER_READS) {
                    window++;
                    successesInARow = 0;
                    LOG.debug("Scenario read-ahead window grows back to {} read(s)", window);
                }
                return answer;
            } catch (CancellationException e) {
                throwIfStopped(page);
                if (suspended) {
                    return null;
                }
                if (read.pool != null && read.pool != executor) {
                    continue; // left from a pool that resume() replaced: ask the new one
                }
                if (read.pool != null && read.pool.isShutdown()) {
                    throw new CrawlStoppedException(page, "the pool that runs its page requests was shut down");
                }
                // cancelled by a window shrink: ask again
            } catch (ExecutionException e) {
                throwIfStopped(page); // e.g. the stop interrupted the request: report the stop
                Throwable cause = e.getCause();
                if (cause instanceof ScenarioApiException api && api.getStatusCode() == 429 && window > 0) {
                    shrink(offset, page);
                    pause();
                    continue;
                }
                cancelAll();
                successesInARow = 0;
                throw rethrow(cause);
            }
        }
    }

    /**
     * Requests the reads at {@code offsets} not yet in flight, at most the window's size of them (the first ones).
     */
    void topUp(long[] offsets, LongFunction<SearchRequest> requestAt) {
        synchronized (inFlight) {
            // checked under the lock suspend() and stop() cancel the window under: no request they did not see is
            // added after them
            if (suspended || stoppedReason != null || executor == null) {
                return;
            }
            for (int i = 0; i < Math.min(window, offsets.length); i++) {
                inFlight.computeIfAbsent(offsets[i], o -> request(requestAt.apply(o)));
            }
        }
    }

    /** The window now (smaller than configured after a 429). */
    int window() {
        return window;
    }

    /** Requests sent so far (each counted once, whatever the client's own retries). */
    int requests() {
        return requests;
    }

    int inFlight() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }

    /** Drops every read requested ahead (they no longer match where the crawl goes). */
    void cancelAll() {
        synchronized (inFlight) {
            inFlight.values().forEach(f -> f.cancel(true));
            inFlight.clear();
        }
    }

    /** Cancels what is in flight (route stop or suspend); a waiting {@link #fetch} returns {@code null}. */
    void suspend() {
        synchronized (inFlight) {
            suspended = true;
            cancelAwaitedAndAll();
        }
    }

    /** Goes on after {@link #suspend()} with the (new) client and pool; reads left from the old pool are dropped. */
    void resume(ScenarioClient newClient, ExecutorService newExecutor) {
        synchronized (inFlight) {
            cancelAwaitedAndAll();
            this.client = newClient;
            this.executor = configuredWindow > 0 ? newExecutor : null;
            suspended = false;
        }
    }

    /** Stops for good: what is in flight is cancelled, and every fetch from now on throws the stop. */
    void stop(String reason) {
        synchronized (inFlight) {
            if (stoppedReason == null) {
                stoppedReason = reason;
            }
            cancelAwaitedAndAll();
        }
    }

    boolean isStopped() {
        return stoppedReason != null;
    }

    boolean isSuspended() {
        return suspended;
    }

    private void cancelAwaitedAndAll() {
        Future<SearchPage> f = awaited;
        if (f != null) {
            f.cancel(true);
        }
        cancelAll();
    }

    private void throwIfStopped(int page) {
        String reason = stoppedReason;
        if (reason != null) {
            throw new CrawlStoppedException(page, reason);
        }
    }

    private Read request(SearchRequest request) {
        requests++;
        ScenarioClient c = client;
        ExecutorService ex = executor;
        Read read = new Read(() -> c.search(request), ex);
        if (ex == null) {
            read.run();
        } else {
            try {
                ex.execute(read);
            } catch (RejectedExecutionException e) {
                if (ex.isShutdown()) {
                    // no pool will run it: its wait ends at once (stopped, or asked again from a pool resume() gave)
                    read.cancel(false);
                } else {
                    read.run(); // the pool is full: answer in this thread rather than not at all
                }
            }
        }
        return read;
    }

    private SearchPage await(Read read) throws ExecutionException, IOException {
        awaited = read;
        try {
            if (suspended || stoppedReason != null) {
                read.cancel(true);
            }
            while (true) {
                try {
                    return read.get(POOL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    ExecutorService pool = read.pool;
                    if (pool != null && pool.isTerminated()) {
                        // the pool ended without running it (drained by shutdownNow, or dropped): no one ever will
                        read.cancel(false);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read.cancel(true);
            throw new InterruptedIOException("Interrupted while waiting for a Scenario result page");
        } finally {
            awaited = null;
        }
    }

    private void shrink(long offset, int page) {
        int before = window;
        window = window / 2;
        successesInARow = 0;
        synchronized (inFlight) {
            // keep the reads right after this one, drop the farthest
            Iterator<Map.Entry<Long, Read>> it = inFlight.tailMap(offset, false).entrySet().iterator();
            for (int kept = 0; it.hasNext();) {
                Map.Entry<Long, Read> e = it.next();
                if (++kept > window) {
                    e.getValue().cancel(true);
                    it.remove();
                }
            }
        }
        LOG.warn("Scenario answered page {} with 429 (rate limited) after retries: prefetch window {} -> {} page(s), "
                 + "asking again", page, before, window);
    }

    private void pause() throws InterruptedIOException {
        if (rateLimitPauseMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(rateLimitPauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while slowing down after a 429");
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    /** A read request, and the pool that should run it ({@code null}: ran in the calling thread). */
    private static final class Read extends FutureTask<SearchPage> {
        final ExecutorService pool;

        Read(Callable<SearchPage> call, ExecutorService pool) {
            super(call);
            this.pool = pool;
        }
    }
}
