package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ScenarioClient} over Apache HttpClient 5. Retries are ours alone (HttpClient's are disabled so a search is
 * never retried twice over), and redirects are never followed so the credentials only ever go to {@code baseUrl}.
 */
public final class HttpScenarioClient implements ScenarioClient {

    public static final String DEFAULT_BASE_URL = "https://api.cloud.scenario.com/v1";
    static final String SEARCH_PATH = "/search/assets";

    private static final Logger LOG = LoggerFactory.getLogger(HttpScenarioClient.class);

    private final URI searchUri;
    private final String authorization;
    private final RetryPolicy retryPolicy;
    private final CloseableHttpClient http;
    private final boolean ownsHttp;
    private final ObjectMapper mapper;
    private final SearchAttemptListener listener;

    private HttpScenarioClient(Builder b) {
        this.searchUri = searchUri(b.baseUrl);
        this.authorization = b.apiKey == null ? null
                : "Basic " + Base64.getEncoder()
                        .encodeToString((b.apiKey + ":" + b.apiSecret).getBytes(StandardCharsets.UTF_8));
        this.retryPolicy = b.retryPolicy;
        this.mapper = b.mapper != null ? b.mapper : defaultMapper();
        this.ownsHttp = b.httpClient == null;
        this.http = ownsHttp ? buildHttpClient(b) : b.httpClient;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The mapper this client reads responses with: unknown fields are kept, never an error. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public URI getSearchUri() {
        return searchUri;
    }

    @Override
    public SearchPage search(SearchRequest request) throws IOException {
        byte[] body = mapper.writeValueAsBytes(request);
        URI uri = withQueryParameters(request);
        for (int attempt = 1;; attempt++) {
            Outcome outcome;
            try {
                outcome = execute(uri, body, attempt);
            } catch (IOException e) {
                if (attempt > retryPolicy.maxRetries()) {
                    throw new IOException("Scenario search at " + uri + " failed after " + attempt + " attempt(s): "
                                          + e.getMessage(), e);
                }
                outcome = Outcome.retry(null, "I/O error: " + e.getMessage());
            }
            if (outcome.page != null) {
                return outcome.page;
            }
            if (outcome.error != null) {
                throw outcome.error;
            }
            listener.retrying(outcome.reason);
            Duration wait = retryPolicy.delayBefore(attempt, outcome.retryAfter);
            LOG.warn("Scenario search attempt {} failed ({}); retrying in {} ms", attempt, outcome.reason,
                    wait.toMillis());
            sleep(wait);
        }
    }

    private Outcome execute(URI uri, byte[] body, int attempt) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> read(response, attempt));
    }

    private Outcome read(ClassicHttpResponse response, int attempt) throws IOException {
        int status = response.getCode();
        listener.answered(status);
        if (status >= 200 && status < 300) {
            if (response.getEntity() == null) {
                throw new IOException("Scenario answered HTTP " + status + " with no body");
            }
            try (InputStream in = response.getEntity().getContent()) {
                // read straight from the socket: the page is never held as text and as objects at once
                return Outcome.page(mapper.readValue(in, SearchPage.class));
            }
        }
        ApiError error = ApiError.read(response, mapper);
        boolean retryable = RetryPolicy.isRetryableStatus(status);
        if (retryable && attempt <= retryPolicy.maxRetries()) {
            return Outcome.retry(error.retryAfter(), "HTTP " + status);
        }
        return Outcome.fail(new ScenarioApiException(
                status, error.message(), error.code(), error.traceId(), attempt, retryable));
    }

    private URI withQueryParameters(SearchRequest request) {
        if (request.getProjectId() == null && request.getOriginalAssets() == null) {
            return searchUri;
        }
        try {
            URIBuilder b = new URIBuilder(searchUri);
            if (request.getProjectId() != null) {
                b.addParameter("projectId", request.getProjectId());
            }
            if (request.getOriginalAssets() != null) {
                b.addParameter("originalAssets", request.getOriginalAssets().toString());
            }
            return b.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the search URI: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry a Scenario search");
        }
    }

    private static URI searchUri(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri;
        try {
            uri = new URI(trimmed + SEARCH_PATH);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid baseUrl '" + baseUrl + "': " + e.getMessage(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Invalid baseUrl '" + baseUrl + "': must be an absolute http(s) URL such as " + DEFAULT_BASE_URL);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Invalid baseUrl: it must not carry credentials; use apiKey/apiSecret");
        }
        return uri;
    }

    private static CloseableHttpClient buildHttpClient(Builder b) {
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(b.maxConnections)
                .setMaxConnPerRoute(b.maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(b.connectTimeout))
                        .setSocketTimeout(Timeout.of(b.responseTimeout))
                        .build());
        if (b.sslContext != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(b.sslContext));
        }
        HttpClientBuilder hb = HttpClients.custom()
                .setConnectionManager(cm.build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(b.responseTimeout)).build())
                .setUserAgent("camel-scenario")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (b.proxyHost != null) {
            hb.setProxy(new HttpHost(b.proxyHost, b.proxyPort));
        }
        if (b.customizer != null) {
            b.customizer.accept(hb);
        }
        return hb.build();
    }

    @Override
    public void close() throws IOException {
        if (ownsHttp) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "HttpScenarioClient[" + searchUri + ", credentials=" + (authorization == null ? "none" : "****") + "]";
    }

    private record Outcome(SearchPage page, ScenarioApiException error, Duration retryAfter, String reason) {
        static Outcome page(SearchPage page) {
            return new Outcome(page, null, null, null);
        }

        static Outcome fail(ScenarioApiException e) {
            return new Outcome(null, e, null, null);
        }

        static Outcome retry(Duration retryAfter, String reason) {
            return new Outcome(null, null, retryAfter, reason);
        }
    }

    /** Settings of a {@link HttpScenarioClient}. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private String apiSecret;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private String proxyHost;
        private int proxyPort;
        private SSLContext sslContext;
        private int maxConnections = 20;
        private Consumer<HttpClientBuilder> customizer;
        private CloseableHttpClient httpClient;
        private ObjectMapper mapper;
        private SearchAttemptListener listener = SearchAttemptListener.NONE;

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** HTTP Basic credentials: the API key as user name, the secret as password. */
        public Builder credentials(String apiKey, String apiSecret) {
            if ((apiKey == null) != (apiSecret == null)) {
                throw new IllegalArgumentException(
                        (apiKey == null ? "apiSecret is set but apiKey is not" : "apiKey is set but apiSecret is not")
                                                   + ": Scenario needs both");
            }
            this.apiKey = apiKey;
            this.apiSecret = apiSecret;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Connections kept to the API; the consumer's prefetch window needs one per page in flight. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** A last say over the HttpClient being built (interceptors, metrics...). */
        public Builder customizer(Consumer<HttpClientBuilder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** Use this HttpClient instead of building one; it is not closed by the client. */
        public Builder httpClient(CloseableHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder mapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /** Told about every attempt (statistics); never about credentials. */
        public Builder listener(SearchAttemptListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public HttpScenarioClient build() {
            return new HttpScenarioClient(this);
        }
    }
}
