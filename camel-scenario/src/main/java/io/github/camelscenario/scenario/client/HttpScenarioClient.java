package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIBuilder;
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
    /** What must never appear in an exception message: the Basic token, the key and the secret. */
    private final List<String> secrets;
    private final RetryPolicy retryPolicy;
    private final CloseableHttpClient http;
    /** The transport this client built for itself and closes; {@code null} when it was given one. */
    private final HttpTransport ownedTransport;
    private final ObjectMapper mapper;
    private final SearchAttemptListener listener;
    private final AssetRequests assetRequests;

    private HttpScenarioClient(Builder b) {
        this.searchUri = BaseUrls.searchUri(b.baseUrl);
        this.authorization = b.apiKey == null ? null
                : "Basic " + Base64.getEncoder()
                        .encodeToString((b.apiKey + ":" + b.apiSecret).getBytes(StandardCharsets.UTF_8));
        this.secrets = secrets(b.apiKey, b.apiSecret, authorization);
        this.retryPolicy = b.retryPolicy;
        this.mapper = b.mapper != null ? b.mapper : defaultMapper();
        if (b.httpClient != null) {
            this.http = b.httpClient;
            this.ownedTransport = null;
        } else if (b.sharedTransport != null) {
            this.http = b.sharedTransport.httpClient();
            this.ownedTransport = null;
        } else {
            this.ownedTransport = b.transport.build();
            this.http = ownedTransport.httpClient();
        }
        this.listener = b.listener;
        this.assetRequests = new AssetRequests(URI.create(b.baseUrl.replaceAll("/+$", "")), authorization, http, mapper,
                this::redact, listener);
    }

    private static List<String> secrets(String apiKey, String apiSecret, String authorization) {
        List<String> out = new ArrayList<>();
        if (authorization != null) {
            out.add(authorization.substring("Basic ".length()));
            // very short values would blank out ordinary words; real keys and secrets are long
            Stream.of(apiSecret, apiKey).filter(v -> v.length() >= 6).forEach(out::add);
        }
        return List.copyOf(out);
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
                if (cancelled(e)) {
                    throw cancellation(e);
                }
                if (attempt > retryPolicy.maxRetries()) {
                    throw new IOException("Scenario search at " + uri + " failed after " + attempt + " attempt(s): "
                                          + redact(e.getMessage()), e);
                }
                outcome = Outcome.retry(null, "I/O error: " + redact(e.getMessage()));
            }
            if (outcome.error != null) {
                throw outcome.error;
            }
            if (outcome.reason == null) {
                return outcome.page;
            }
            if (Thread.currentThread().isInterrupted()) {
                // the caller cancelled while the answer was on its way: nobody wants a retry
                throw cancellation(null);
            }
            listener.retrying(outcome.reason);
            Duration wait = retryPolicy.delayBefore(attempt, outcome.retryAfter);
            LOG.warn("Scenario search attempt {} failed ({}); retrying in {} ms", attempt, outcome.reason,
                    wait.toMillis());
            sleep(wait);
        }
    }

    @Override
    public Asset getAsset(String assetId) throws IOException {
        return assetRequests.get(assetId);
    }

    @Override
    public URI downloadLink(String assetId) throws IOException {
        return assetRequests.downloadLink(assetId);
    }

    /**
     * Whether the failure is our own caller cancelling the search (Future.cancel(true) when a prefetch window shrinks,
     * a crawl rewinds or stops): HttpClient turns the interrupt into an InterruptedIOException and keeps the flag set.
     * Timeouts are InterruptedIOExceptions too, but leave the flag alone and are real failures.
     */
    static boolean cancelled(IOException e) {
        return Thread.currentThread().isInterrupted() || e.getClass() == InterruptedIOException.class
               || e instanceof ClosedByInterruptException;
    }

    private static InterruptedIOException cancellation(IOException cause) {
        LOG.debug("Scenario search cancelled by its caller; not retried");
        InterruptedIOException e = new InterruptedIOException("Scenario search cancelled");
        e.initCause(cause);
        return e;
    }

    private Outcome execute(URI uri, byte[] body, int attempt) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> read(uri, response, attempt));
    }

    private Outcome read(URI uri, ClassicHttpResponse response, int attempt) throws IOException {
        int status = response.getCode();
        listener.answered(status);
        if (status >= 200 && status < 300) {
            return readPage(response);
        }
        if (status >= 300 && status < 400) {
            return Outcome.fail(ScenarioApiException.redirectRefused(status, locationHost(uri, response), attempt));
        }
        ApiError error = ApiError.read(response, mapper);
        boolean retryable = RetryPolicy.isRetryableStatus(status);
        if (retryable && attempt <= retryPolicy.maxRetries()) {
            return Outcome.retry(error.retryAfter(), "HTTP " + status);
        }
        return Outcome.fail(new ScenarioApiException(
                status, redact(error.message()), redact(error.code()), redact(error.traceId()), attempt, retryable));
    }

    /**
     * A complete 2xx answer that is no search page (a proxy's HTML, broken JSON) is the same when asked again, so it
     * fails at once. An I/O error while reading (the connection cut or reset before the body's end) is transient and
     * retried like any other, also when the JSON parser wrapped it in one of its own exceptions.
     */
    private Outcome readPage(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        String contentType = entity != null && entity.getContentType() != null ? entity.getContentType()
                : response.getFirstHeader(HttpHeaders.CONTENT_TYPE) != null
                        ? response.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue() : null;
        if (entity == null || entity.getContentLength() == 0) {
            return Outcome.fail(ScenarioApiException.notASearchPage(status, contentType, "the body is empty"));
        }
        SearchPage page;
        try (PushbackInputStream in = new PushbackInputStream(entity.getContent())) {
            int first = in.read();
            if (first < 0) {
                return Outcome.fail(ScenarioApiException.notASearchPage(status, contentType, "the body is empty"));
            }
            in.unread(first);
            // read straight from the socket: the page is never held as text and as objects at once
            page = mapper.readValue(in, SearchPage.class);
        } catch (JsonProcessingException e) {
            IOException transport = transportFailure(e);
            if (transport != null) {
                throw transportFailureInBody(status, transport);
            }
            String problem = redact(jsonProblem(e));
            if (!endsEarly(e)) {
                return Outcome.fail(ScenarioApiException.notASearchPage(status, contentType,
                        isSyntax(e) ? "not valid JSON: " + problem
                                : "JSON of another shape: " + problem
                                  + (problem.contains(SearchPageHits.SHAPE) ? "" : "; " + SearchPageHits.SHAPE)));
            }
            if (entity.getContentLength() < 0 && !entity.isChunked()) {
                // no length: the body ends where the connection does, so JSON cut short may be a dropped connection
                throw new IOException("Scenario's HTTP " + status + " answer ended inside its JSON, and without a "
                                      + "Content-Length a dropped connection looks the same: " + problem, e);
            }
            return Outcome.fail(ScenarioApiException.notASearchPage(status, contentType,
                    "the JSON ends before it is complete, although the body arrived whole: " + problem));
        } catch (IOException e) {
            // the connection, not the JSON: as it is when the parser did not wrap it
            throw transportFailureInBody(status, e);
        }
        if (page == null) {
            return Outcome.fail(ScenarioApiException.notASearchPage(status, contentType, "the body is JSON null"));
        }
        return Outcome.page(page);
    }

    /**
     * What the connection threw while the parser read from it (a reset, a body shorter than its Content-Length or
     * chunks): Jackson's databind wraps it, with the position in the JSON, when it happens inside a list.
     */
    private static IOException transportFailure(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }

    private IOException transportFailureInBody(int status, IOException cause) {
        if (cause instanceof InterruptedIOException || cause instanceof ClosedByInterruptException) {
            // a timeout or our caller cancelling: as it is, so that search() tells the two apart
            return cause;
        }
        return new IOException("the connection failed while the HTTP " + status + " answer's body was read: "
                               + redact(cause.getMessage()), cause);
    }

    /** Whether the JSON stopped before it was complete (Jackson says so in either of its exception families). */
    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || t instanceof JsonProcessingException j
                                                 && j.getOriginalMessage() != null
                                                 && j.getOriginalMessage().contains("end-of-input")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is no JSON at all, as opposed to JSON that does not map to a page (databind wraps both). */
    private static boolean isSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's own words and where, without its source excerpt. */
    private static String jsonProblem(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().replace("Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ", "");
        return ApiError.shorten(what.strip()) + where;
    }

    /** Host (and port, if the Location names one) a redirect points at; never its path or query. */
    private static String locationHost(URI requestUri, ClassicHttpResponse response) {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            return null;
        }
        try {
            URI target = requestUri.resolve(new URI(location.getValue().strip()));
            if (target.getHost() == null) {
                return "(unreadable Location)";
            }
            return target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "(unreadable Location)";
        }
    }

    /**
     * Text from an answer goes into exceptions; a misbehaving proxy or echo service may send our own credentials
     * back, so they are blanked out.
     */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
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

    @Override
    public void close() throws IOException {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }

    @Override
    public String toString() {
        return "HttpScenarioClient[" + searchUri + ", credentials=" + (authorization == null ? "none" : "****") + "]";
    }

    /** A page, a failure to throw, or a reason to retry (then {@code reason} is set). */
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
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final HttpTransport.Builder transport = HttpTransport.builder();
        private HttpTransport sharedTransport;
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
            transport.connectTimeout(connectTimeout);
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            transport.responseTimeout(responseTimeout);
            return this;
        }

        /** Longest wait for a free pooled connection when all are busy; then the attempt fails as an I/O error. */
        public Builder connectionRequestTimeout(Duration connectionRequestTimeout) {
            transport.connectionRequestTimeout(connectionRequestTimeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        public Builder proxy(String host, int port) {
            transport.proxy(host, port);
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            transport.sslContext(sslContext);
            return this;
        }

        /** Connections kept to the API; the consumer's prefetch window needs one per page in flight. */
        public Builder maxConnections(int maxConnections) {
            transport.maxConnections(maxConnections);
            return this;
        }

        /** A last say over the HttpClient being built (interceptors, metrics...). */
        public Builder customizer(Consumer<HttpClientBuilder> customizer) {
            transport.customizer(customizer);
            return this;
        }

        /**
         * Send through this transport (and its connection pool), e.g. one shared by several clients, instead of
         * building one from the settings above; it is not closed by the client.
         */
        public Builder transport(HttpTransport transport) {
            this.sharedTransport = transport;
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
