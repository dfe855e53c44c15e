package io.github.camelscenario.scenario.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Two WireMock servers as the API and its file host (a CDN) on another origin: the API at 127.0.0.1, files at
 * {@code localhost} on another port. File URLs carry a signature in their query string, which no log line or exception
 * may show.
 */
public final class FileHostStubs implements AutoCloseable {

    public static final String API_KEY = "file-test-key";
    public static final String API_SECRET = "file-test-Secret-never-shown";
    public static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));
    /** The signature every stubbed file URL carries: it must never be seen outside the request itself. */
    public static final String SIGNATURE = "Sig-3c9e7f10d2ab-NEVER-LOGGED";

    public final WireMockServer api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    public final WireMockServer files = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** Clients, transports and downloaders made here, closed with the stubs. */
    private final List<AutoCloseable> made = new ArrayList<>();

    public FileHostStubs() {
        api.start();
        files.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + api.port() + "/v1";
    }

    /** A signed URL of the file host for {@code path}, e.g. {@code /f/asset_1.png}. */
    public String signedUrl(String path) {
        return "http://localhost:" + files.port() + path + "?expires=1700000000&signature=" + SIGNATURE;
    }

    /** A hit with a signed {@code url} at {@code path} and a signed thumbnail URL at {@code path + ".thumb"}. */
    public Asset hit(String id, String mimeType, String path) {
        Asset a = new Asset();
        a.setId(id);
        a.setMimeType(mimeType);
        a.setUrl(signedUrl(path));
        Thumbnail t = new Thumbnail();
        t.setAssetId(id + "_thumb");
        t.setUrl(signedUrl(path + ".thumb"));
        a.setThumbnail(t);
        return a;
    }

    public void file(String path, ResponseDefinitionBuilder answer) {
        files.stubFor(get(urlPathEqualTo(path)).willReturn(answer));
    }

    public static ResponseDefinitionBuilder bytes(byte[] body, String contentType) {
        ResponseDefinitionBuilder b = aResponse().withStatus(200).withBody(body);
        return contentType == null ? b : b.withHeader("Content-Type", contentType);
    }

    /** {@code POST /v1/assets/{id}/download} answering {@code answer}. */
    public MappingBuilder downloadLink(String assetId) {
        return post(urlPathEqualTo("/v1/assets/" + assetId + "/download"));
    }

    public void downloadLinkAnswers(String assetId, String freshPath) {
        api.stubFor(downloadLink(assetId).willReturn(okJson("{\"url\": \"" + signedUrl(freshPath) + "\"}")));
    }

    public int downloadLinkRequests(String assetId) {
        return api.findAll(postRequestedFor(urlPathEqualTo("/v1/assets/" + assetId + "/download"))).size();
    }

    public List<LoggedRequest> fileRequests() {
        return files.findAll(anyRequestedFor(anyUrl()));
    }

    /** An API client with credentials, for the refresh and lookup calls. */
    public HttpScenarioClient apiClient() {
        return HttpScenarioClient.builder().baseUrl(baseUrl()).credentials(API_KEY, API_SECRET)
                .retryPolicy(RetryPolicy.NONE).build();
    }

    /**
     * A downloader whose API client talks to these stubs with the credentials, spooling bodies over 1 KB to files, with
     * {@code retries}; {@code settings} may change the rest. Closed with the stubs.
     */
    public AssetDownloader downloader(RetryPolicy retries, UnaryOperator<AssetDownloader.Builder> settings) {
        HttpScenarioClient api = apiClient();
        made.add(api);
        AssetDownloader downloader = settings.apply(AssetDownloader.builder().api(api).spoolThreshold(1024)
                .retryPolicy(retries)).build();
        made.add(downloader);
        return downloader;
    }

    /** A transport whose answers time out after {@code responseTimeout}; closed with the stubs. */
    public HttpTransport transport(Duration responseTimeout) {
        HttpTransport transport = HttpTransport.builder().responseTimeout(responseTimeout).build();
        made.add(transport);
        return transport;
    }

    public static byte[] pseudoRandom(int length, int seed) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        Collections.reverse(made);
        for (AutoCloseable c : made) {
            try {
                c.close();
            } catch (Exception e) {
                // closing test clients: nothing to do about it
            }
        }
        api.stop();
        files.stop();
    }
}
