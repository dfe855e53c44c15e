package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * An Apache HttpClient and its connection pool, built from transport settings only (timeouts, proxy, TLS, a last-say
 * customizer): no credentials and no base URL, so several {@link HttpScenarioClient}s can share one. Every wait is
 * bounded: for a pooled connection by {@code connectionRequestTimeout}, for a connection by {@code connectTimeout},
 * for the answer by {@code responseTimeout}. HttpClient's own retries, redirects and cookies are off.
 */
public final class HttpTransport implements Closeable {

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

    private HttpTransport(Builder b) {
        int max = b.maxConnections;
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(max)
                .setMaxConnPerRoute(max)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(b.connectTimeout))
                        .setSocketTimeout(Timeout.of(b.responseTimeout))
                        .build());
        if (b.sslContext != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(b.sslContext));
        }
        this.pool = cm.build();
        HttpClientBuilder hb = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(b.responseTimeout))
                        // without it a request waits for a pooled connection for as long as the pool stays busy
                        .setConnectionRequestTimeout(Timeout.of(b.connectionRequestTimeout))
                        .build())
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
        this.http = hb.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The HttpClient to send with; closed by {@link #close()}, never by the clients that use it. */
    public CloseableHttpClient httpClient() {
        return http;
    }

    /** Most connections open at once (to the API, which is one route). */
    public int getMaxConnections() {
        return pool.getMaxTotal();
    }

    /** Resizes the pool, e.g. as users of a shared transport come and go; connections beyond it close when freed. */
    public synchronized void setMaxConnections(int maxConnections) {
        int max = Math.max(1, maxConnections);
        pool.setMaxTotal(max);
        pool.setDefaultMaxPerRoute(max);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Transport settings; the defaults are those documented for the component's options. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration connectionRequestTimeout = Duration.ofSeconds(30);
        private String proxyHost;
        private int proxyPort;
        private SSLContext sslContext;
        private int maxConnections = 20;
        private Consumer<HttpClientBuilder> customizer;

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = bound("connectTimeout", connectTimeout);
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = bound("responseTimeout", responseTimeout);
            return this;
        }

        /** Longest wait for a free connection of the pool when all are busy. */
        public Builder connectionRequestTimeout(Duration connectionRequestTimeout) {
            this.connectionRequestTimeout = bound("connectionRequestTimeout", connectionRequestTimeout);
            return this;
        }

        /** HttpClient 5 reads 0 as no bound at all, and refuses a negative one only when a request is sent. */
        private static Duration bound(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException(
                        name + " must be more than 0 (0 waits without bound), was " + timeout.toMillis() + " ms");
            }
            return timeout;
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
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be 1 or more, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** A last say over the HttpClient being built (interceptors, metrics...). */
        public Builder customizer(Consumer<HttpClientBuilder> customizer) {
            this.customizer = customizer;
            return this;
        }

        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
