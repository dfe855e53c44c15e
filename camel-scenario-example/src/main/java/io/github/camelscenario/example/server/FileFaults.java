package io.github.camelscenario.example.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knobs of the file host (the server's stand-in for the CDN that serves asset files and thumbnails), changeable while
 * the server runs (all thread-safe). Off by default: URLs never expire, files come at once and whole.
 * <ul>
 * <li>{@link #latencyMillis(long)}: every file request waits this long before it is answered;</li>
 * <li>{@link #expireAfterSeconds(long)}: URLs signed from now on stop working this many seconds after they were
 * handed out (in a search answer, {@code GET /v1/assets/{id}} or the download-link endpoint);</li>
 * <li>{@link #expireAfterDownloads(int)}: a signed URL stops working after this many downloads;</li>
 * <li>{@link #expiredStatus(int)}: what an expired URL is answered (403 by default, as S3 and CloudFront do; or
 * 410);</li>
 * <li>{@link #serverErrorEvery(int)}: every Nth file request (by the file host's request count) is answered 503;</li>
 * <li>{@link #cutEvery(int)}: every Nth file request gets half of its body, then the connection is closed;</li>
 * <li>{@link #notFound(String)}: the files of that asset are answered 404.</li>
 * </ul>
 */
public final class FileFaults {

    private volatile long latencyMillis;
    private volatile long expireAfterSeconds;
    private volatile int expireAfterDownloads;
    private volatile int expiredStatus = 403;
    private volatile int serverErrorEvery;
    private volatile int cutEvery;
    private final Set<String> notFound = ConcurrentHashMap.newKeySet();

    public FileFaults latencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("file latencyMillis must be 0 or more, not " + millis);
        }
        this.latencyMillis = millis;
        return this;
    }

    /** 0 (the default): URLs signed from now on never expire by time. */
    public FileFaults expireAfterSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("expireAfterSeconds must be 0 (never) or more, not " + seconds);
        }
        this.expireAfterSeconds = seconds;
        return this;
    }

    /** 0 (the default): any number of downloads. Applies to every URL, whenever it was signed. */
    public FileFaults expireAfterDownloads(int downloads) {
        if (downloads < 0) {
            throw new IllegalArgumentException("expireAfterDownloads must be 0 (never) or more, not " + downloads);
        }
        this.expireAfterDownloads = downloads;
        return this;
    }

    /** 403 (the default) or 410. */
    public FileFaults expiredStatus(int status) {
        if (status != 403 && status != 410) {
            throw new IllegalArgumentException("expiredStatus must be 403 or 410, not " + status);
        }
        this.expiredStatus = status;
        return this;
    }

    /** 0 turns it off. */
    public FileFaults serverErrorEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("serverErrorEvery must be 0 (off) or more, not " + n);
        }
        this.serverErrorEvery = n;
        return this;
    }

    /** 0 turns it off. */
    public FileFaults cutEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cutEvery must be 0 (off) or more, not " + n);
        }
        this.cutEvery = n;
        return this;
    }

    /** The files of this asset are answered 404 from now on (the asset itself stays searchable). */
    public FileFaults notFound(String assetId) {
        notFound.add(assetId);
        return this;
    }

    /** Turns every knob off. */
    public FileFaults reset() {
        latencyMillis = 0;
        expireAfterSeconds = 0;
        expireAfterDownloads = 0;
        expiredStatus = 403;
        serverErrorEvery = 0;
        cutEvery = 0;
        notFound.clear();
        return this;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public long expireAfterSeconds() {
        return expireAfterSeconds;
    }

    public int expireAfterDownloads() {
        return expireAfterDownloads;
    }

    public int expiredStatus() {
        return expiredStatus;
    }

    boolean isServerError(long requestNumber) {
        int every = serverErrorEvery;
        return every > 0 && requestNumber % every == 0;
    }

    boolean isCut(long requestNumber) {
        int every = cutEvery;
        return every > 0 && requestNumber % every == 0;
    }

    boolean isNotFound(String assetId) {
        return notFound.contains(assetId);
    }
}
