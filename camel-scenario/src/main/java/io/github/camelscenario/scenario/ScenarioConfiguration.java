package io.github.camelscenario.scenario;

import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.ScenarioClient;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a Scenario endpoint. Set on the component, they are the defaults of every endpoint (credentials once for
 * all); set in a URI, they apply to that endpoint only.
 */
@UriParams
public class ScenarioConfiguration implements Cloneable {

    static final int DEFAULT_PREFETCH_PAGES = 2;
    static final long DEFAULT_FULL_CRAWL_INTERVAL = 3_600_000;
    static final int DEFAULT_DOWNLOAD_CONCURRENCY = 8;

    // search: one option per API field

    /** Full-text query, matched against names, prompts, descriptions, tags and seeds (typo-tolerant). */
    @UriParam(label = "common")
    private String query;
    /**
     * Filter expression in Scenario's filter language, e.g. tags = cat AND kind = image (a value holding spaces or a
     * colon goes in double quotes). Comparisons, IS EMPTY,
     * field:term text match, AND, OR, NOT and parentheses are supported by the API.
     */
    @UriParam(label = "common")
    private String filter;
    /** Reference image for similar-image search: an existing asset id or a data:image/...;base64 URL. */
    @UriParam(label = "common")
    private String image;
    /** Comma-separated asset ids of images the results should look like (sent as images.like). */
    @UriParam(label = "common")
    private String imagesLike;
    /** Comma-separated asset ids of images the results should not look like (sent as images.unlike). */
    @UriParam(label = "common")
    private String imagesUnlike;
    /**
     * Image embedding ratio for hybrid search, from 0 to 1, applied when image, imagesLike or imagesUnlike is set. The
     * API's default is 1.
     */
    @UriParam(label = "common")
    private Double imageSemanticRatio;
    /** Semantic ratio for hybrid text search, from 0 (keywords only, the API's default) to 1. */
    @UriParam(label = "common")
    private Double querySemanticRatio;
    /**
     * Hits per page, 1 to 100. Without page, page 1 is asked. A crawl (consumer, or allPages) reads this many new hits
     * per request, at most and by default 96: each request also repeats the last 4 hits of the one before, to check
     * that the results did not move in between.
     */
    @UriParam(label = "common")
    private Integer hitsPerPage;
    /** Page to fetch, 1-based; with allPages or the consumer, the page the crawl starts at. */
    @UriParam(label = "common")
    private Integer page;
    /**
     * Sort order: comma-separated attribute:asc or attribute:desc entries, e.g. createdAt:desc,width:asc. Sortable:
     * createdAt, updatedAt, width, height, score. Without it, results come in relevance order (a crawl, consumer or
     * allPages, walks createdAt:desc). A crawl appends createdAt:desc to an order without createdAt, to go on past the
     * engine's paging cap in keyset windows.
     */
    @UriParam(label = "common")
    private String sortBy;
    /**
     * Also search assets made public by anyone (the API's public field). Unset, nothing is sent: the API assumes false.
     */
    @UriParam(label = "common")
    private Boolean publicAssets;
    /** Project whose assets are searched (query parameter projectId). */
    @UriParam(label = "common")
    private String projectId;
    /**
     * Search original assets only (query parameter originalAssets). Unset, nothing is sent: the API's default applies.
     */
    @UriParam(label = "common")
    private Boolean originalAssets;
    /** Stop after this many hits (allPages iterator or a consumer crawl); 0 means no cap. */
    @UriParam(label = "common", defaultValue = "0")
    private long maxResults;

    // content: what the body carries

    /**
     * What each exchange's body carries. none: the hit (an Asset). file: the asset's file, from its url, as a stream,
     * with the hit in the CamelScenarioAsset header. thumbnail: the same for its thumbnail. The default depends on the
     * operation: none for the search consumer, file for the download operation (where none is refused); the search
     * producer refuses file and thumbnail.
     */
    @UriParam(label = "common", enums = "none,file,thumbnail")
    private ScenarioContent content;

    // producer

    /**
     * Answer with a lazy, closeable Iterator over every hit of every page instead of one page's List, for
     * split(body()).streaming(): it reads prefetchPages pages ahead of the splitter (2 by default, 0 for one request at
     * a time), so memory holds a few pages whatever the result size.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean allPages;

    // consumer

    /**
     * Pages requested ahead of the one being walked, concurrently, by the consumer and the allPages iterator; hits
     * still come in order and memory holds at most prefetchPages pages besides the one being walked. The default, 2,
     * keeps at most three requests in flight per crawl: enough to hide round trips, polite to a rate-limited API. 0
     * asks for the next page only when the hits of this one are used up. 0 to 16.
     */
    @UriParam(label = "common", defaultValue = "" + DEFAULT_PREFETCH_PAGES)
    private int prefetchPages = DEFAULT_PREFETCH_PAGES;
    /** Most hits emitted by one poll; the next poll continues where this one stopped. 0 means no cap. */
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    /**
     * Emit each asset at most once across polls (a feed of new assets), and across restarts only with a persistent
     * idempotentRepository: the default one is in memory, kept by the endpoint. An asset is recorded only when its
     * exchange completed successfully; one whose exchange failed is offered again by later polls and never blocks the
     * feed. Without sortBy, a poll is a catch-up crawl: newest first, down to the last crawl mark (recorded in the
     * repository once every exchange of a crawl settled), so it costs what is new; see fullCrawlInterval.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean onlyNew;

    /**
     * With onlyNew and no sortBy: how often a poll walks every hit instead of catching up to the newest it delivered,
     * to find assets that became visible late (created before the point the feed had caught up to). 0 makes every poll
     * a full crawl.
     */
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_FULL_CRAWL_INTERVAL, javaType = "java.time.Duration")
    private long fullCrawlInterval = DEFAULT_FULL_CRAWL_INTERVAL;
    /**
     * Where onlyNew remembers the assets delivered and the crawl marks, under keys of the search (feeds of different
     * searches can share one). Default: an in-memory repository bounded to 100,000 entries, kept by the endpoint; use
     * a persistent one (file, JDBC, Infinispan...) to survive restarts and share a feed between nodes.
     */
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    /**
     * With content file or thumbnail: how many downloads the consumer runs ahead of the exchange being routed, at
     * once. Files still come in order; each waits on disk (or in memory when small) until its turn. 1 to 32.
     */
    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_DOWNLOAD_CONCURRENCY)
    private int downloadConcurrency = DEFAULT_DOWNLOAD_CONCURRENCY;

    // security

    /** Scenario API key (HTTP Basic user name). */
    @UriParam(label = "security", secret = true)
    private String apiKey;
    /** Scenario API secret (HTTP Basic password). */
    @UriParam(label = "security", secret = true)
    private String apiSecret;
    /** TLS settings for the connection to the API. */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    // transport

    /** Base URL of the Scenario API; point it at a local or mock server for tests. */
    @UriParam(label = "advanced", defaultValue = HttpScenarioClient.DEFAULT_BASE_URL)
    private String baseUrl = HttpScenarioClient.DEFAULT_BASE_URL;
    /** How long to wait for a connection to the API. */
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    /** How long to wait for the API's answer (socket inactivity). */
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long responseTimeout = 30_000;
    /**
     * How long to wait for a free connection of the HTTP connection pool when all are busy (the pool is shared by the
     * component's endpoints that have the same transport options). A wait that runs out fails the attempt like an I/O
     * error.
     */
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long connectionRequestTimeout = 30_000;
    /** Retries of a search answered 429, 500, 502, 503, 504 or failing with an I/O error; 0 disables retries. */
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    /** Wait before the first retry; doubled for each further retry, with jitter. */
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration")
    private long retryInitialDelay = 500;
    /** Longest wait before a retry, also the cap on a server's Retry-After. */
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long retryMaxDelay = 30_000;
    /** Last say over the Apache HttpClient being built (interceptors, metrics...). */
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;
    /** A ready client to use instead of building one from these options (tests, custom transports). */
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private ScenarioClient scenarioClient;

    // proxy

    /** HTTP proxy host. */
    @UriParam(label = "proxy")
    private String proxyHost;
    /** HTTP proxy port. */
    @UriParam(label = "proxy")
    private Integer proxyPort;

    public ScenarioConfiguration copy() {
        try {
            return (ScenarioConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getImagesLike() {
        return imagesLike;
    }

    public void setImagesLike(String imagesLike) {
        this.imagesLike = imagesLike;
    }

    public String getImagesUnlike() {
        return imagesUnlike;
    }

    public void setImagesUnlike(String imagesUnlike) {
        this.imagesUnlike = imagesUnlike;
    }

    public Double getImageSemanticRatio() {
        return imageSemanticRatio;
    }

    public void setImageSemanticRatio(Double imageSemanticRatio) {
        this.imageSemanticRatio = imageSemanticRatio;
    }

    public Double getQuerySemanticRatio() {
        return querySemanticRatio;
    }

    public void setQuerySemanticRatio(Double querySemanticRatio) {
        this.querySemanticRatio = querySemanticRatio;
    }

    public Integer getHitsPerPage() {
        return hitsPerPage;
    }

    public void setHitsPerPage(Integer hitsPerPage) {
        this.hitsPerPage = hitsPerPage;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public Boolean getPublicAssets() {
        return publicAssets;
    }

    public void setPublicAssets(Boolean publicAssets) {
        this.publicAssets = publicAssets;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public Boolean getOriginalAssets() {
        return originalAssets;
    }

    public void setOriginalAssets(Boolean originalAssets) {
        this.originalAssets = originalAssets;
    }

    public long getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(long maxResults) {
        this.maxResults = maxResults;
    }

    public ScenarioContent getContent() {
        return content;
    }

    public void setContent(ScenarioContent content) {
        this.content = content;
    }

    public int getDownloadConcurrency() {
        return downloadConcurrency;
    }

    public void setDownloadConcurrency(int downloadConcurrency) {
        this.downloadConcurrency = downloadConcurrency;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public int getPrefetchPages() {
        return prefetchPages;
    }

    public void setPrefetchPages(int prefetchPages) {
        this.prefetchPages = prefetchPages;
    }

    public long getFullCrawlInterval() {
        return fullCrawlInterval;
    }

    public void setFullCrawlInterval(long fullCrawlInterval) {
        this.fullCrawlInterval = fullCrawlInterval;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isOnlyNew() {
        return onlyNew;
    }

    public void setOnlyNew(boolean onlyNew) {
        this.onlyNew = onlyNew;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public ScenarioClient getScenarioClient() {
        return scenarioClient;
    }

    public void setScenarioClient(ScenarioClient scenarioClient) {
        this.scenarioClient = scenarioClient;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    @Override
    public String toString() {
        // never the credentials
        return "ScenarioConfiguration[baseUrl=" + baseUrl + ", query=" + query + ", filter=" + filter + ", apiKey="
               + (apiKey == null ? "unset" : "****") + "]";
    }
}
