package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expired signed URLs are refreshed once through the API; transient failures are retried; the rest fail at once. */
@Timeout(30)
class AssetDownloadFaultsTest {

    private static final byte[] BODY = FileHostStubs.pseudoRandom(5000, 3);

    private FileHostStubs stubs;
    private AssetDownloader downloader;

    @BeforeEach
    void start() {
        stubs = new FileHostStubs();
        downloader = stubs.downloader(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50)),
                b -> b.transport(stubs.transport(Duration.ofMillis(500))));
    }

    @AfterEach
    void stop() {
        stubs.close();
    }

    private byte[] download(Asset hit, AssetFile file) throws IOException {
        try (DownloadedFile downloaded = downloader.download(hit, file); InputStream in = downloaded.openStream()) {
            return in.readAllBytes();
        }
    }

    /** The first {@code failures} requests for {@code path} get {@code fault}, the next ones the body. */
    private void failThenServe(String path, int failures, ResponseDefinitionBuilder fault) {
        for (int i = 0; i < failures; i++) {
            stubs.files.stubFor(get(urlPathEqualTo(path)).inScenario(path)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willReturn(fault).willSetStateTo("failed " + (i + 1)));
        }
        stubs.files.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("failed " + failures)
                .willReturn(FileHostStubs.bytes(BODY, "image/png")));
    }

    private int fileRequests(String path) {
        return stubs.files.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 403, 410 })
    void anExpiredUrlIsRefreshedOnceThroughTheApiWithItsCredentialsAndNeverSendsThemToTheFileHost(int status)
            throws IOException {
        stubs.file("/f/old", aResponse().withStatus(status).withBody("<Error>Request has expired</Error>"));
        stubs.downloadLinkAnswers("asset_x", "/f/fresh");
        stubs.file("/f/fresh", FileHostStubs.bytes(BODY, "image/png"));

        assertThat(download(stubs.hit("asset_x", "image/png", "/f/old"), AssetFile.FILE)).isEqualTo(BODY);
        assertThat(stubs.downloadLinkRequests("asset_x")).isEqualTo(1);
        assertThat(stubs.api.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo(FileHostStubs.BASIC);
        assertThat(stubs.fileRequests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    void aUrlRefusedAgainAfterItsRefreshFailsWithoutRetries() {
        stubs.file("/f/old", aResponse().withStatus(403));
        stubs.downloadLinkAnswers("asset_x", "/f/fresh");
        stubs.file("/f/fresh", aResponse().withStatus(403));
        assertThatThrownBy(() -> download(stubs.hit("asset_x", "image/png", "/f/old"), AssetFile.FILE))
                .isInstanceOfSatisfying(AssetDownloadException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getAttempts()).isEqualTo(2);
                })
                .hasMessage("Download of the file of asset asset_x failed: HTTP 403 from localhost:"
                            + stubs.files.port() + "/f/fresh again with a fresh link (POST /assets/asset_x/download);"
                            + " not retried");
        assertThat(stubs.downloadLinkRequests("asset_x")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{'url': 'LINK'}", "{'downloadUrl': 'LINK', 'expiresAt': 1}",
            "{'asset': {'id': 'asset_x', 'url': 'LINK'}}", "{'data': {'downloadUri': 'LINK'}}", "'LINK'",
            "text:LINK", "redirect:LINK" })
    void theRefreshAnswerIsReadDefensively(String shape) throws IOException {
        String link = stubs.signedUrl("/f/fresh");
        ResponseDefinitionBuilder answer;
        if (shape.startsWith("text:")) {
            answer = aResponse().withHeader("Content-Type", "text/plain").withBody(link + "\n");
        } else if (shape.startsWith("redirect:")) {
            answer = aResponse().withStatus(302).withHeader("Location", link);
        } else {
            answer = okJson(shape.replace('\'', '"').replace("LINK", link));
        }
        stubs.api.stubFor(stubs.downloadLink("asset_x").willReturn(answer));
        stubs.file("/f/old", aResponse().withStatus(403));
        stubs.file("/f/fresh", FileHostStubs.bytes(BODY, "image/png"));
        assertThat(download(stubs.hit("asset_x", "image/png", "/f/old"), AssetFile.FILE)).isEqualTo(BODY);
    }

    @Test
    void aRefreshAnswerWithoutALinkFailsSayingSoWithoutShowingTheBody() {
        stubs.api.stubFor(stubs.downloadLink("asset_x").willReturn(okJson(
                "{\"jobId\": \"job_1\", \"note\": \"see " + FileHostStubs.SIGNATURE + "\"}")));
        stubs.file("/f/old", aResponse().withStatus(410));
        assertThatThrownBy(() -> download(stubs.hit("asset_x", "image/png", "/f/old"), AssetFile.FILE))
                .isInstanceOf(AssetDownloadException.class)
                .hasMessageContaining("asset asset_x")
                .hasMessageContaining("without an http(s) URL in its answer")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE);
    }

    @Test
    void anExpiredThumbnailIsRefreshedByLookingTheAssetUpAgain() throws IOException {
        stubs.file("/f/a.thumb", aResponse().withStatus(403));
        stubs.api.stubFor(get(urlPathEqualTo("/v1/assets/asset_a")).willReturn(okJson(
                "{\"asset\": {\"id\": \"asset_a\", \"thumbnail\": {\"url\": \"" + stubs.signedUrl("/f/a2.thumb")
                + "\"}}}")));
        stubs.file("/f/a2.thumb", FileHostStubs.bytes(BODY, "image/png"));
        assertThat(download(stubs.hit("asset_a", "image/png", "/f/a"), AssetFile.THUMBNAIL)).isEqualTo(BODY);
        assertThat(stubs.downloadLinkRequests("asset_a")).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 429, 500, 502, 503, 504 })
    void transientStatusesAreRetried(int status) throws IOException {
        failThenServe("/f/t", 2, aResponse().withStatus(status).withHeader("Retry-After", "0"));
        assertThat(download(stubs.hit("asset_t", "image/png", "/f/t"), AssetFile.FILE)).isEqualTo(BODY);
        assertThat(fileRequests("/f/t")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
            "RANDOM_DATA_THEN_CLOSE" })
    void brokenConnectionsAreRetried(String fault) throws IOException {
        failThenServe("/f/t", 2, aResponse().withFault(Fault.valueOf(fault)));
        assertThat(download(stubs.hit("asset_t", "image/png", "/f/t"), AssetFile.FILE)).isEqualTo(BODY);
    }

    @Test
    void aFileHostTooSlowToAnswerIsRetried() throws IOException {
        failThenServe("/f/t", 1, FileHostStubs.bytes(BODY, "image/png").withFixedDelay(2000));
        assertThat(download(stubs.hit("asset_t", "image/png", "/f/t"), AssetFile.FILE)).isEqualTo(BODY);
        assertThat(fileRequests("/f/t")).isEqualTo(2);
    }

    @Test
    void transientFailuresThatOutlastTheRetriesFailNamingTheAttempts() {
        stubs.file("/f/t", aResponse().withStatus(503));
        assertThatThrownBy(() -> download(stubs.hit("asset_t", "image/png", "/f/t"), AssetFile.FILE))
                .isInstanceOfSatisfying(AssetDownloadException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(503))
                .hasMessage("Download of the file of asset asset_t failed: HTTP 503 from localhost:" + stubs.files.port()
                            + "/f/t; gave up after 4 attempts");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 404, 400, 401, 416 })
    void otherStatusesFailAtOnceNamingTheAssetAndTheHostAndPathOnly(int status) {
        stubs.file("/f/gone", aResponse().withStatus(status));
        assertThatThrownBy(() -> download(stubs.hit("asset_g", "image/png", "/f/gone"), AssetFile.FILE))
                .isInstanceOfSatisfying(AssetDownloadException.class, e -> {
                    assertThat(e.getAssetId()).isEqualTo("asset_g");
                    assertThat(e.getStatusCode()).isEqualTo(status);
                })
                .hasMessageStartingWith("Download of the file of asset asset_g failed: HTTP " + status + " from localhost:"
                                        + stubs.files.port() + "/f/gone")
                .hasMessageContaining("not retried")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE).hasMessageNotContaining("?");
        assertThat(fileRequests("/f/gone")).isEqualTo(1);
        assertThat(stubs.downloadLinkRequests("asset_g")).isZero();
    }

    @Test
    void aTransientFailureOfTheRefreshIsRetried() throws IOException {
        stubs.file("/f/old", aResponse().withStatus(403));
        stubs.api.stubFor(stubs.downloadLink("asset_x").inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        stubs.api.stubFor(stubs.downloadLink("asset_x").inScenario("refresh").whenScenarioStateIs("up")
                .willReturn(okJson("{\"url\": \"" + stubs.signedUrl("/f/fresh") + "\"}")));
        stubs.file("/f/fresh", FileHostStubs.bytes(BODY, "image/png"));
        assertThat(download(stubs.hit("asset_x", "image/png", "/f/old"), AssetFile.FILE)).isEqualTo(BODY);
        assertThat(stubs.downloadLinkRequests("asset_x")).isEqualTo(2);
        assertThat(fileRequests("/f/old")).as("the expired URL is not asked again").isEqualTo(1);
    }

    @Test
    void redirectsAreFollowedByRequestsWithoutCredentials() throws IOException {
        stubs.file("/f/r1", aResponse().withStatus(302).withHeader("Location", "/f/r2?signature=two"));
        stubs.file("/f/r2", aResponse().withStatus(307).withHeader("Location", stubs.signedUrl("/f/final")));
        stubs.file("/f/final", FileHostStubs.bytes(BODY, "image/png"));
        assertThat(download(stubs.hit("asset_r", "image/png", "/f/r1"), AssetFile.FILE)).isEqualTo(BODY);
        List<LoggedRequest> requests = stubs.fileRequests();
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.containsHeader("Authorization")).isFalse();
            assertThat(r.containsHeader("Cookie")).isFalse();
        });
    }

    @Test
    void aRedirectLoopEndsAfterFiveRedirects() {
        stubs.file("/f/loop", aResponse().withStatus(302).withHeader("Location", stubs.signedUrl("/f/loop")));
        assertThatThrownBy(() -> download(stubs.hit("asset_l", "image/png", "/f/loop"), AssetFile.FILE))
                .isInstanceOf(AssetDownloadException.class).hasMessageContaining("more than 5 redirects")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE);
        assertThat(fileRequests("/f/loop")).isEqualTo(6);
    }
}
