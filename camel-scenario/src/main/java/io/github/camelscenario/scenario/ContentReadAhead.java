package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetDownload;
import io.github.camelscenario.scenario.client.AssetDownloader;
import io.github.camelscenario.scenario.client.AssetFile;
import io.github.camelscenario.scenario.client.DownloadedFile;
import org.apache.camel.Exchange;
import org.apache.camel.util.IOHelper;

/**
 * Downloads the files (or thumbnails) of hits ahead of the exchanges that will carry them: what the consumer uses for
 * {@code content=file|thumbnail}. Hits are {@link #submit submitted} in the order they will be routed; at most
 * {@code downloadConcurrency} of them are downloading or downloaded and waiting for their turn at any time, so memory
 * holds at most that many small files (256 KB each at most) and the disk that many larger ones. {@link #fill} hands one
 * out: it waits for that download, puts the file on the exchange (see {@link ContentMessages#fill}) and starts the next
 * queued download; or it throws that download's own failure, which concerns its asset only. {@link #cancelAll} (on
 * stop) aborts every download, running or queued, and deletes every file not handed out.
 * <p>
 * Thread-safe; {@link #fill} is meant to be called by one thread (the consumer's), in the order of {@link #submit}.
 */
final class ContentReadAhead implements AutoCloseable {

    /** One submitted hit: its download, and where the download stands. */
    static final class Handle {
        private final Asset hit;
        private final CompletableFuture<DownloadedFile> result = new CompletableFuture<>();
        private volatile AssetDownload download;
        private State state = State.QUEUED;

        private Handle(Asset hit) {
            this.hit = hit;
        }

        Asset hit() {
            return hit;
        }

        @Override
        public String toString() {
            return "ContentReadAhead.Handle[" + hit.getId() + ", " + state + "]";
        }
    }

    private enum State {
        /** Waiting for a free place in the window. */
        QUEUED,
        /** Downloading, or downloaded and waiting to be handed out. */
        STARTED,
        /** Handed out: the file belongs to an exchange now. */
        TAKEN,
        /** Not handed out after all: aborted, its file deleted. */
        CANCELLED
    }

    private final AssetDownloader downloader;
    private final AssetFile file;
    private final int concurrency;
    private final ExecutorService pool;
    private final Consumer<ExecutorService> poolCloser;
    private final Deque<Handle> queued = new ArrayDeque<>();
    /** Started and not yet handed out nor cancelled: at most {@link #concurrency}. */
    private final Set<Handle> started = new LinkedHashSet<>();
    private boolean closed;

    /**
     * @param poolCloser shuts the pool down on {@link #close()} (after every download was cancelled)
     */
    ContentReadAhead(AssetDownloader downloader, AssetFile file, int concurrency, ExecutorService pool,
                     Consumer<ExecutorService> poolCloser) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("downloadConcurrency must be 1 or more, was " + concurrency);
        }
        this.downloader = Objects.requireNonNull(downloader);
        this.file = Objects.requireNonNull(file);
        this.concurrency = concurrency;
        this.pool = Objects.requireNonNull(pool);
        this.poolCloser = Objects.requireNonNull(poolCloser);
    }

    /**
     * A read-ahead for an endpoint whose {@code content} is {@code file} or {@code thumbnail}: its downloader, and a
     * pool of {@code downloadConcurrency} threads that {@link #close()} shuts down.
     *
     * @param owner the consumer, to name the pool's threads after
     */
    static ContentReadAhead of(ScenarioEndpoint endpoint, Object owner) {
        ScenarioConfiguration configuration = endpoint.getConfiguration();
        AssetFile file = ScenarioContent.of(configuration, endpoint.getOperation()).assetFile();
        if (file == null) {
            throw new IllegalStateException("content=none downloads nothing: no read-ahead is needed");
        }
        int concurrency = configuration.getDownloadConcurrency();
        return new ContentReadAhead(endpoint.getDownloader(), file, concurrency,
                endpoint.newReadAheadPool(owner, "ScenarioDownloads", concurrency), endpoint::shutdownReadAheadPool);
    }

    /**
     * Queues the download of {@code hit}'s file, started at once when the window has room. Never blocks. A hit that
     * cannot be downloaded (no id) gets a handle whose {@link #fill} throws why.
     *
     * @throws IllegalStateException after {@link #cancelAll()} or {@link #close()}
     */
    Handle submit(Asset hit) {
        Handle handle = new Handle(Objects.requireNonNull(hit, "hit"));
        List<Handle> toStart;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The read-ahead of downloads was cancelled: nothing more is submitted");
            }
            queued.addLast(handle);
            toStart = takeWhatFits();
        }
        toStart.forEach(this::start);
        return handle;
    }

    /**
     * Waits for the handle's download and puts the file on the exchange (body and headers); the exchange then owns the
     * file, deleted when it completes. Starts the next queued download.
     *
     * @throws IOException the download's failure ({@code AssetDownloadException} naming the asset), or an
     *                     {@link InterruptedIOException} when it was cancelled or the waiting thread interrupted
     */
    void fill(Handle handle, Exchange exchange) throws IOException {
        boolean startNow;
        synchronized (this) {
            // handed out ahead of its turn: it must not wait for a place the handles before it hold
            startNow = handle.state == State.QUEUED && queued.remove(handle);
            if (startNow) {
                handle.state = State.STARTED;
                started.add(handle);
            }
        }
        if (startNow) {
            start(handle);
        }
        DownloadedFile downloaded;
        try {
            downloaded = handle.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(handle);
            throw new InterruptedIOException("Interrupted while waiting for the download of asset " + id(handle));
        } catch (CancellationException e) {
            throw cancelled(handle);
        } catch (ExecutionException e) {
            release(handle, State.TAKEN);
            throw asIOException(e.getCause());
        }
        if (!release(handle, State.TAKEN)) {
            // cancelled between the end of the download and now: the file was deleted
            throw cancelled(handle);
        }
        ContentMessages.fill(exchange, downloaded);
    }

    /** The hit will not be routed after all: aborts its download and deletes its file. Idempotent. */
    void discard(Handle handle) {
        if (release(handle, State.CANCELLED)) {
            abort(handle);
        }
    }

    /** Aborts every download, running or queued, and deletes every file not handed out; no more can be submitted. */
    void cancelAll() {
        List<Handle> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(started);
            all.addAll(queued);
            started.clear();
            queued.clear();
            all.forEach(h -> h.state = State.CANCELLED);
        }
        all.forEach(ContentReadAhead::abort);
    }

    /** {@link #cancelAll()}, then shuts the pool down. */
    @Override
    public void close() {
        cancelAll();
        poolCloser.accept(pool);
    }

    /** Hits submitted and not yet handed out nor discarded. */
    synchronized int pending() {
        return started.size() + queued.size();
    }

    /** Downloads running or done and waiting for their turn: never more than downloadConcurrency. */
    synchronized int started() {
        return started.size();
    }

    /** Ends the handle's time in the window; {@code false} when it had already ended (cancelled, or handed out). */
    private boolean release(Handle handle, State end) {
        List<Handle> toStart;
        synchronized (this) {
            if (handle.state == State.TAKEN || handle.state == State.CANCELLED) {
                return false;
            }
            queued.remove(handle);
            started.remove(handle);
            handle.state = end;
            toStart = closed ? List.of() : takeWhatFits();
        }
        toStart.forEach(this::start);
        return true;
    }

    /** Moves queued handles into the window while it has room; the caller starts them outside the lock. */
    private List<Handle> takeWhatFits() {
        List<Handle> toStart = new ArrayList<>();
        while (started.size() < concurrency && !queued.isEmpty()) {
            Handle next = queued.removeFirst();
            next.state = State.STARTED;
            started.add(next);
            toStart.add(next);
        }
        return toStart;
    }

    private void start(Handle handle) {
        synchronized (this) {
            if (handle.state == State.CANCELLED) {
                return; // cancelled before it could start
            }
            try {
                handle.download = downloader.prepare(handle.hit, file);
            } catch (RuntimeException e) {
                handle.result.completeExceptionally(e);
                return;
            }
        }
        try {
            pool.execute(() -> run(handle));
        } catch (RejectedExecutionException e) {
            handle.result.completeExceptionally(new InterruptedIOException(
                    "The download of asset " + id(handle) + " was not started: its pool is shut down"));
        }
    }

    private static void run(Handle handle) {
        DownloadedFile downloaded;
        try {
            downloaded = handle.download.call();
        } catch (Throwable e) {
            handle.result.completeExceptionally(e);
            return;
        }
        if (!handle.result.complete(downloaded)) {
            // cancelled while it ran: nobody will take the file
            IOHelper.close(downloaded);
        }
    }

    /** Stops the handle's download and deletes its file, if it had one. */
    private static void abort(Handle handle) {
        AssetDownload download = handle.download;
        if (download != null) {
            download.cancel();
        }
        if (!handle.result.cancel(false) && !handle.result.isCompletedExceptionally()) {
            IOHelper.close(handle.result.getNow(null));
        }
    }

    private static InterruptedIOException cancelled(Handle handle) {
        return new InterruptedIOException("The download of asset " + id(handle) + " was cancelled");
    }

    private static String id(Handle handle) {
        return handle.hit.getId();
    }

    private static IOException asIOException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
