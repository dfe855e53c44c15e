package io.github.camelscenario.scenario;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelscenario.scenario.client.ScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts, proxy, TLS, the HttpClient hook and an injected client all take effect. */
class TransportOptionsTest extends WireMockTestSupport {

    @Test
    void responseTimeoutCutsASlowAnswer() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 1, 1, 1, "a")).withFixedDelay(3000)));
        long start = System.nanoTime();
        Exchange out = template.send("scenario:search?query=cat&responseTimeout=300&maxRetries=0", e -> {
        });
        assertThat(out.getException()).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void proxyReceivesTheRequest() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 1, 1, 1, "via-proxy"))));
        // the API host does not resolve: only a request through the proxy can succeed
        List<?> hits = template.requestBody("scenario:search?query=cat&baseUrl=http://scenario-api.invalid/v1"
                                            + "&proxyHost=127.0.0.1&proxyPort=" + wireMock.port(),
                null, List.class);
        assertThat(hits).hasSize(1);
        assertThat(searchRequests().get(0).getHeader("Host")).isEqualTo("scenario-api.invalid");
    }

    @Test
    void httpClientConfigurerIsApplied() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 1, 1, 1, "a"))));
        HttpClientConfigurer configurer = builder -> builder.addRequestInterceptorFirst(
                (request, entity, ctx) -> request.addHeader("X-Correlation", "route-42"));
        context.getRegistry().bind("tracing", configurer);
        template.requestBody("scenario:search?query=cat&httpClientConfigurer=#tracing", null, List.class);
        assertThat(searchRequests().get(0).getHeader("X-Correlation")).isEqualTo("route-42");
    }

    @Test
    void sslContextParametersAreUsed(@TempDir Path tmp) throws Exception {
        // a certificate for 127.0.0.1, so hostname verification stays on as it is in production
        Path keystore = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        WireMockServer https = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
        https.start();
        try {
            https.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 1, 1, 1, "tls"))));
            String uri = "scenario:search?query=cat&maxRetries=0&baseUrl=https://127.0.0.1:" + https.httpsPort() + "/v1";
            // the self-signed certificate is not trusted by default...
            Exchange refused = template.send(uri, e -> {
            });
            assertThat(refused.getException()).hasStackTraceContaining(SSLHandshakeException.class.getName());
            // ...and is once sslContextParameters names it as trusted
            context.getRegistry().bind("trustLocal", trusting(keystore));
            List<?> hits = template.requestBody(uri + "&sslContextParameters=#trustLocal", null, List.class);
            assertThat(hits).hasSize(1);
        } finally {
            https.stop();
        }
    }

    @Test
    void injectedClientIsUsedInsteadOfHttp() {
        ScenarioClient stub = request -> {
            SearchPage page = new SearchPage();
            page.setTotalHits(123L);
            return page;
        };
        context.getRegistry().bind("stubClient", stub);
        Exchange out = template.request("scenario:search?query=cat&scenarioClient=#stubClient", e -> {
        });
        assertThat(out.getMessage().getHeader(ScenarioConstants.TOTAL_HITS)).isEqualTo(123L);
        assertThat(searchRequests()).isEmpty();
    }

    @Test
    void apiErrorStatusIsNotRetriedForEmptyBodyEither() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(401)));
        Exchange out = template.send("scenario:search?query=cat", e -> {
        });
        assertThat(out.getException()).hasMessageStartingWith("Scenario search failed with HTTP 401: Unauthorized");
    }

    /** TLS settings that trust what the PKCS12 store at {@code keystore} holds (password changeit). */
    static SSLContextParameters trusting(Path keystore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword("changeit");
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }
}
