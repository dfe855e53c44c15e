package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Downloads asset files and thumbnails from the file host their hits point at (a CDN, not the API), streaming each body
 * into memory up to a threshold and into a temporary file beyond it.
 * <p>
 * Credentials never go to the file host: files are fetched through an HttpClient of their own, built from transport
 * settings only (never the API client's, nor a user's customizer that may add an {@code Authorization} header), and no
 * request carries credentials; a redirect is followed by a new request that carries none either. The API is only
 * asked, through the {@link ScenarioClient} (and so only at its {@code baseUrl}), for an asset by id and for a fresh
 * link once a file URL has expired. Signed URLs are never logged nor put in an exception: only their host and path.
 * <p>
 * Thread-safe; each {@link AssetDownload} is one download, runnable on any thread and cancellable from any other.
 */
public final class AssetDownloader implements Closeable {

    /** Redirects of a file URL followed at most, each a new request without credentials. */
    public static final int MAX_REDIRECTS = 5;

    final ScenarioClient api;
    final CloseableHttpClient files;
    final RetryPolicy retryPolicy;
    final Spool spool;
    /** The transport this downloader built for itself and closes; {@code null} when it was given one. */
    private final HttpTransport ownedTransport;

    private AssetDownloader(Builder b) {
        this.api = Objects.requireNonNull(b.api, "api: the ScenarioClient that looks assets up and refreshes links");
        this.retryPolicy = b.retryPolicy;
        this.spool = new Spool(b.spoolThreshold, b.spoolDirectory);
        if (b.transport != null) {
            this.ownedTransport = null;
            this.files = b.transport.httpClient();
        } else {
            this.ownedTransport = HttpTransport.builder().build();
            this.files = ownedTransport.httpClient();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A download of the hit's file or thumbnail, not started: {@link AssetDownload#call()} runs it. */
    public AssetDownload prepare(Asset asset, AssetFile file) {
        Objects.requireNonNull(asset, "asset");
        if (asset.getId() == null || asset.getId().isBlank()) {
            throw new IllegalArgumentException("Cannot download " + file.describe() + " of an asset without an id: it"
                                               + " could neither be named nor have its link refreshed");
        }
        return new AssetDownload(this, asset, asset.getId(), Objects.requireNonNull(file, "file"));
    }

    /** A download of an asset's file or thumbnail by id (the asset is looked up first), not started. */
    public AssetDownload prepare(String assetId, AssetFile file) {
        if (assetId == null || assetId.isBlank()) {
            throw new IllegalArgumentException("Cannot download " + file.describe() + " of a blank asset id");
        }
        return new AssetDownload(this, null, assetId.strip(), Objects.requireNonNull(file, "file"));
    }

    /** Downloads the hit's file or thumbnail on this thread. */
    public DownloadedFile download(Asset asset, AssetFile file) throws IOException {
        return prepare(asset, file).call();
    }

    /** Looks the asset up and downloads its file or thumbnail on this thread. */
    public DownloadedFile download(String assetId, AssetFile file) throws IOException {
        return prepare(assetId, file).call();
    }

    @Override
    public void close() throws IOException {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }

    /** Settings of an {@link AssetDownloader}. */
    public static final class Builder {
        private ScenarioClient api;
        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private int spoolThreshold = Spool.DEFAULT_THRESHOLD;
        private Path spoolDirectory;

        /** The API client: looks assets up by id and asks for fresh links (only ever at its own baseUrl). */
        public Builder api(ScenarioClient api) {
            this.api = api;
            return this;
        }

        /**
         * The transport file requests go through; it must not be one that adds credentials to requests (build it
         * without the API's customizer). Not closed by the downloader. Without it, one with default settings is built
         * and closed by {@link #close()}.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /** Retries of 429, 500, 502, 503, 504 answers and I/O failures (a cut body included). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /** Bodies up to this many bytes stay in memory, larger ones go to a temporary file (default 256 KB). */
        public Builder spoolThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("spoolThreshold must be 0 or more bytes, was " + bytes);
            }
            this.spoolThreshold = bytes;
            return this;
        }

        /** Where temporary files go (default: the JVM's temporary directory, java.io.tmpdir). */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = directory;
            return this;
        }

        public AssetDownloader build() {
            return new AssetDownloader(this);
        }
    }
}
