package io.github.camelscenario.example.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import com.sun.net.httpserver.HttpServer;

import io.github.camelscenario.scenario.client.Asset;

/**
 * A local, Scenario-compatible asset-search server on loopback, for tests, demos and benchmarks: real full-text,
 * filter and similar-image search over a generated dataset, with fault knobs. Asset files and thumbnails are served by
 * a second server, the file host, at signed URLs on another origin ({@code http://localhost:PORT2}), as the real API's
 * CDN serves them. Start one with
 *
 * <pre>
 * try (LocalScenarioServer server = LocalScenarioServer.builder().assets(20_000).start()) {
 *     String baseUrl = server.getBaseUrl(); // http://127.0.0.1:PORT/v1
 * }
 * </pre>
 *
 * or from the command line: {@code java ... LocalScenarioServer --port 8085}.
 */
public final class LocalScenarioServer implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "demo-key";
    public static final String DEFAULT_API_SECRET = "demo-secret";
    public static final int DEFAULT_ASSETS = 2_000;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_THREADS = 16;
    /** Meilisearch's default maxTotalHits: no search answers past its first 1,000 hits, and totals say no more. */
    public static final long DEFAULT_MAX_TOTAL_HITS = 1_000;
    public static final int DEFAULT_CACHE_SIZE = 32;

    static {
        // The JDK server writes a response in several small packets; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACKs add ~40 ms to every request. The JDK reads this property once, when its first
        // HttpServer is created; an explicit setting by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final ServerFaults faults;
    private final FileFaults fileFaults;
    private final FileUrls fileUrls;
    private final AssetDataset dataset;
    private final AtomicLong searchRequests = new AtomicLong();
    private final IndexChurn churn;
    private final AtomicReference<LongConsumer> beforeSearch = new AtomicReference<>();
    /** Draws of {@link #insertAssetAt}'s timestamps: seeded like the dataset, so a test run is repeatable. */
    private final SplittableRandom insertRandom;
    private HttpServer http;
    private HttpServer fileHttp;
    private ExecutorService executor;
    private ExecutorService fileExecutor;
    private SearchHandler searchHandler;
    private FileHandler fileHandler;
    private DownloadLinks downloadLinks;
    private String baseUrl;

    private LocalScenarioServer(Builder config) {
        this.config = config;
        this.faults = config.faults;
        this.fileFaults = config.fileFaults;
        this.fileUrls = new FileUrls(fileFaults);
        this.dataset = new AssetDataset(config.seed, config.assets);
        this.churn = new IndexChurn(dataset);
        this.insertRandom = new SplittableRandom(config.seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port (0 = any free one) and starts serving. */
    public synchronized LocalScenarioServer start() {
        if (http != null) {
            throw new IllegalStateException("Already started on " + baseUrl);
        }
        http = bind(config.port, "local Scenario server");
        try {
            fileHttp = bind(config.filePort, "local Scenario server's file host");
        } catch (RuntimeException e) {
            http.stop(0);
            http = null;
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
        fileUrls.origin("http://" + config.fileHost + ":" + fileHttp.getAddress().getPort());
        BasicAuth auth = new BasicAuth(config.apiKey, config.apiSecret);
        HitWriter writer = new HitWriter(fileUrls);
        searchHandler = new SearchHandler(auth, faults, new SearchEngine(dataset, config.cacheSize), writer,
                searchRequests, config.maxTotalHits, churn, beforeSearch);
        downloadLinks = new DownloadLinks(dataset, auth, faults, fileUrls);
        http.createContext("/v1/search/assets", searchHandler);
        http.createContext("/v1/assets/", new AssetHandler(dataset, auth, writer, downloadLinks));
        executor = Executors.newFixedThreadPool(config.threads, daemonThreads("local-scenario-"));
        http.setExecutor(executor);
        fileHandler = new FileHandler(dataset, fileUrls, fileFaults, config.fileSize);
        fileHttp.createContext("/files/", fileHandler);
        fileExecutor = Executors.newFixedThreadPool(config.threads, daemonThreads("local-scenario-files-"));
        fileHttp.setExecutor(fileExecutor);
        http.start();
        fileHttp.start();
        return this;
    }

    private static HttpServer bind(int port, String what) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the " + what + " to port " + port, e);
        }
    }

    /** Stops serving; requests in flight are cut off. Idempotent. */
    public synchronized void stop() {
        if (http != null) {
            http.stop(0);
            fileHttp.stop(0);
            executor.shutdownNow();
            fileExecutor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
                fileExecutor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http = null;
            fileHttp = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int getPort() {
        requireStarted();
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1, baseUrl.lastIndexOf('/')));
    }

    /** {@code http://127.0.0.1:<port>/v1}: the search endpoint is {@code getBaseUrl() + "/search/assets"}. */
    public String getBaseUrl() {
        requireStarted();
        return baseUrl;
    }

    public String getApiKey() {
        return config.apiKey;
    }

    public String getApiSecret() {
        return config.apiSecret;
    }

    /** The fault knobs of API requests (search, download links); change them at any time. */
    public ServerFaults faults() {
        return faults;
    }

    /** The knobs of the file host (latency, expiring URLs, 503s, cut bodies, 404s); change them at any time. */
    public FileFaults fileFaults() {
        return fileFaults;
    }

    /** Where the file host answers, e.g. {@code http://localhost:40123}: another origin than {@link #getBaseUrl()}. */
    public String getFileOrigin() {
        requireStarted();
        return fileUrls.origin();
    }

    /** File requests received by the file host, whatever their answer. */
    public long getFileRequestCount() {
        return fileHandler == null ? 0 : fileHandler.requests();
    }

    /** File requests answered with the file (200), including those cut in half by the knob. */
    public long getFilesServed() {
        return fileHandler == null ? 0 : fileHandler.served();
    }

    /** File requests that carried an {@code Authorization} header (each answered 400): API credentials sent astray. */
    public long getFileRequestsWithCredentials() {
        return fileHandler == null ? 0 : fileHandler.requestsWithCredentials();
    }

    /** Authenticated {@code POST /v1/assets/{id}/download} requests received. */
    public long getDownloadLinkRequestCount() {
        return downloadLinks == null ? 0 : downloadLinks.requests();
    }

    /** Authenticated search requests received (including those answered 429, 503 or 400). */
    public long getSearchRequestCount() {
        return searchRequests.get();
    }

    /** Search requests answered 200. */
    public long getSearchesAnswered() {
        return searchHandler == null ? 0 : searchHandler.searchesAnswered();
    }

    /** Assets a search can find: generated, added and inserted ones, less deleted ones. */
    public int getAssetCount() {
        return dataset.size();
    }

    /**
     * Deletes an asset: from the next search on, no search finds it and {@code GET /v1/assets/{id}} answers 404.
     * Returns {@code false} when no live asset has this id.
     */
    public boolean deleteAsset(String id) {
        return dataset.delete(id);
    }

    /**
     * Deletes the asset at {@code position} (0 = first) of {@code order}, counting every live asset; returns its id.
     */
    public String deleteAssetAt(AssetOrder order, int position) {
        return dataset.deleteAt(order, position);
    }

    /**
     * Inserts a generated asset at {@code position} of {@code order}, counting every live asset (0 = first,
     * {@link #getAssetCount()} = after the last): its createdAt (and updatedAt, equal to it) is drawn strictly between
     * its neighbours' sort keys, newer than all at the newest end, older than all at the oldest; its id starts with its
     * creation time, so filter-only searches without sortBy (id order) place it between the same neighbours as
     * createdAt order. Returns its id. Fails with IllegalStateException when the neighbours are less than 2 ms apart.
     */
    public String insertAssetAt(AssetOrder order, int position) {
        synchronized (insertRandom) {
            return dataset.insertAt(order, position, insertRandom);
        }
    }

    /** The ids of every live asset in {@code order}: what a filter-only search in that order pages through. */
    public List<String> assetIds(AssetOrder order) {
        return dataset.ids(order);
    }

    /**
     * Runs {@code hook} with the request's number (1 for the first authenticated search request, as counted by
     * {@link #getSearchRequestCount()}) before every search request is searched, so a test can change the index between
     * exactly chosen requests, e.g. {@code n -> { if (n == 3) server.insertAssetAt(...); }}. Runs on the server's
     * request threads, concurrently when requests are: the hook must be thread-safe. {@code null} removes it. A hook
     * that throws gets its request answered 500.
     */
    public void beforeSearch(LongConsumer hook) {
        beforeSearch.set(hook);
    }

    /** The seeded index churn knob (inserts and deletes at random positions every N search requests); off by default. */
    public IndexChurn churn() {
        return churn;
    }

    /** Adds {@code n} generated assets, newer than all others (so a createdAt:desc feed sees them first). */
    public List<String> addAssets(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, not " + n);
        }
        return dataset.addGenerated(n);
    }

    /**
     * Adds one asset: the fields set on {@code template} are kept (id, tags, metadata.name, metadata.prompt...), the
     * rest is generated; createdAt is the newest unless set. Returns the asset's id.
     */
    public String addAsset(Asset template) {
        return dataset.add(template);
    }

    /**
     * A freshly signed URL of an asset's file on the file host, as a hit's {@code url} (PNG, or JPEG when the asset's
     * mimeType is image/jpeg); it expires as {@link #fileFaults()} say. An unknown id gets a URL answered 404.
     */
    public String imageUrl(String assetId) {
        requireStarted();
        StoredAsset asset = dataset.get(assetId);
        return asset != null ? fileUrls.url(asset, FileUrls.Kind.IMAGE)
                : fileUrls.url(assetId, FileUrls.Kind.IMAGE, "png");
    }

    /** A freshly signed URL of an asset's thumbnail (a PNG), as a hit's {@code thumbnail.url}. */
    public String thumbnailUrl(String assetId) {
        requireStarted();
        return fileUrls.url(assetId, FileUrls.Kind.THUMBNAIL, "png");
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("The local Scenario server is not started");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a server; every one has a default. */
    public static final class Builder {
        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private String apiSecret = DEFAULT_API_SECRET;
        private int assets = DEFAULT_ASSETS;
        private long seed = DEFAULT_SEED;
        private int threads = DEFAULT_THREADS;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private long maxTotalHits = DEFAULT_MAX_TOTAL_HITS;
        private final ServerFaults faults = new ServerFaults();
        private int filePort;
        private String fileHost = "localhost";
        private long fileSize;
        private final FileFaults fileFaults = new FileFaults();

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder credentials(String apiKey, String apiSecret) {
            this.apiKey = apiKey;
            this.apiSecret = apiSecret;
            return this;
        }

        /** How many assets to generate at start (default 2,000). */
        public Builder assets(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("assets must be 0 or more, not " + count);
            }
            this.assets = count;
            return this;
        }

        /** Seed of the generated dataset (default 42): the same seed gives the same assets. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Request threads (default 16): concurrent requests, including those sleeping for latency. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How many distinct searches keep their ordered results cached (default 32). */
        public Builder cacheSize(int size) {
            this.cacheSize = Math.max(1, size);
            return this;
        }

        /**
         * Caps how deep paging goes, like Meilisearch's maxTotalHits: no hit past the first {@code max} of a search, and
         * totals no higher. Default 1,000 (Meilisearch's default, which the real service may keep); 0 lifts the cap.
         */
        public Builder maxTotalHits(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxTotalHits must be 0 or more, not " + max);
            }
            this.maxTotalHits = max;
            return this;
        }

        public Builder latencyMillis(long millis) {
            faults.latencyMillis(millis);
            return this;
        }

        public Builder rateLimitEvery(int n) {
            faults.rateLimitEvery(n);
            return this;
        }

        public Builder retryAfterSeconds(int seconds) {
            faults.retryAfterSeconds(seconds);
            return this;
        }

        public Builder errorRate(double rate) {
            faults.errorRate(rate);
            return this;
        }

        public Builder errorSeed(long seed) {
            faults.errorSeed(seed);
            return this;
        }

        /** Port of the file host; 0 (the default) picks a free one. */
        public Builder filePort(int port) {
            this.filePort = port;
            return this;
        }

        /**
         * The host name in file URLs (default {@code localhost}, while the API is {@code 127.0.0.1}: another host as a
         * client sees it, besides another port). It must resolve to 127.0.0.1, where the file host listens.
         */
        public Builder fileHost(String host) {
            this.fileHost = java.util.Objects.requireNonNull(host, "fileHost");
            return this;
        }

        /**
         * Size in bytes asset files are padded to, e.g. {@code 2_000_000} for realistic pictures (still decodable
         * PNG or JPEG, streamed without being held in memory); 0 (the default) serves the bare 64x64 picture of a few
         * hundred bytes. Thumbnails stay small.
         */
        public Builder fileSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("fileSize must be 0 or more, not " + bytes);
            }
            this.fileSize = bytes;
            return this;
        }

        public Builder fileLatencyMillis(long millis) {
            fileFaults.latencyMillis(millis);
            return this;
        }

        public Builder fileUrlsExpireAfterSeconds(long seconds) {
            fileFaults.expireAfterSeconds(seconds);
            return this;
        }

        public Builder fileUrlsExpireAfterDownloads(int downloads) {
            fileFaults.expireAfterDownloads(downloads);
            return this;
        }

        /** Generates the dataset without starting the server. */
        public LocalScenarioServer build() {
            return new LocalScenarioServer(this);
        }

        public LocalScenarioServer start() {
            return build().start();
        }
    }

    /**
     * Runs the server until killed. Options: {@code --port N} (default 8085), {@code --assets N},
     * {@code --seed N}, {@code --key K}, {@code --secret S}, {@code --latency-ms N}, {@code --rate-limit-every N},
     * {@code --retry-after N}, {@code --error-rate R}, {@code --max-total-hits N} (default 1000; 0 lifts the cap); for
     * the file host {@code --file-port N} (default 8086), {@code --file-host H}, {@code --file-size BYTES},
     * {@code --file-latency-ms N}, {@code --file-expire-seconds N}, {@code --file-expire-downloads N},
     * {@code --file-error-every N}, {@code --file-cut-every N}.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(8085).filePort(8086);
        String key = DEFAULT_API_KEY;
        String secret = DEFAULT_API_SECRET;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.println("Options: --port N (8085) --assets N (2000) --seed N (42) --key K --secret S "
                                   + "--latency-ms N --rate-limit-every N --retry-after N --error-rate R "
                                   + "--max-total-hits N (1000; 0: no cap) "
                                   + "--file-port N (8086) --file-host H (localhost) --file-size BYTES "
                                   + "--file-latency-ms N --file-expire-seconds N --file-expire-downloads N "
                                   + "--file-error-every N --file-cut-every N");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--assets" -> b.assets(Integer.parseInt(value));
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--key" -> key = value;
                case "--secret" -> secret = value;
                case "--latency-ms" -> b.latencyMillis(Long.parseLong(value));
                case "--rate-limit-every" -> b.rateLimitEvery(Integer.parseInt(value));
                case "--retry-after" -> b.retryAfterSeconds(Integer.parseInt(value));
                case "--error-rate" -> b.errorRate(Double.parseDouble(value));
                case "--max-total-hits" -> b.maxTotalHits(Long.parseLong(value));
                case "--file-port" -> b.filePort(Integer.parseInt(value));
                case "--file-host" -> b.fileHost(value);
                case "--file-size" -> b.fileSize(Long.parseLong(value));
                case "--file-latency-ms" -> b.fileLatencyMillis(Long.parseLong(value));
                case "--file-expire-seconds" -> b.fileUrlsExpireAfterSeconds(Long.parseLong(value));
                case "--file-expire-downloads" -> b.fileUrlsExpireAfterDownloads(Integer.parseInt(value));
                case "--file-error-every" -> b.fileFaults.serverErrorEvery(Integer.parseInt(value));
                case "--file-cut-every" -> b.fileFaults.cutEvery(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("Unknown option " + option + " (try --help)");
            }
        }
        long t0 = System.nanoTime();
        LocalScenarioServer server = b.credentials(key, secret).start();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Local Scenario server with " + server.getAssetCount() + " assets started in " + millis + " ms");
        System.out.println("  base URL:   " + server.getBaseUrl());
        System.out.println("  search:     POST " + server.getBaseUrl() + "/search/assets");
        System.out.println("  files:      " + server.getFileOrigin() + "/files/... (signed URLs, as hits give them)");
        System.out.println("  API key:    " + server.getApiKey());
        System.out.println("  API secret: " + server.getApiSecret());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
    }
}
