package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Downloads that go through every path that logs or fails (refresh, refused again, retries that give up, a body cut
 * short, a redirect loop, 404, a timeout), printing each failure's stack trace: run in a JVM of its own by
 * {@link DownloadLogTest} with the log levels it chooses.
 */
public final class DownloadLogRun {

    private DownloadLogRun() {
    }

    public static void main(String[] args) throws Exception {
        try (FileHostStubs stubs = new FileHostStubs();
             RawFileServer cutting = new RawFileServer(100_000, 10_000, RawFileServer.Then.CLOSE)) {
            AssetDownloader downloader = stubs.downloader(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20)),
                    b -> b.transport(stubs.transport(Duration.ofMillis(1000))));
            stubs.file("/f/old", aResponse().withStatus(403));
            stubs.downloadLinkAnswers("asset_refresh", "/f/fresh");
            stubs.file("/f/fresh", FileHostStubs.bytes(new byte[2000], "image/png"));
            stubs.downloadLinkAnswers("asset_again", "/f/old");
            stubs.file("/f/busy", aResponse().withStatus(503));
            stubs.file("/f/gone", aResponse().withStatus(404));
            stubs.file("/f/loop", aResponse().withStatus(302).withHeader("Location", stubs.signedUrl("/f/loop")));
            stubs.file("/f/slow", aResponse().withStatus(200).withFixedDelay(2500));
            stubs.file("/f/reset", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));
            stubs.api.stubFor(get(urlPathEqualTo("/v1/assets/asset_byid")).willReturn(okJson(
                    "{\"asset\": {\"id\": \"asset_byid\", \"url\": \"" + stubs.signedUrl("/f/fresh") + "\"}}")));

            run(downloader, stubs.hit("asset_refresh", "image/png", "/f/old"));
            run(downloader, stubs.hit("asset_again", "image/png", "/f/old"));
            run(downloader, stubs.hit("asset_busy", "image/png", "/f/busy"));
            run(downloader, stubs.hit("asset_gone", "image/png", "/f/gone"));
            run(downloader, stubs.hit("asset_loop", "image/png", "/f/loop"));
            run(downloader, stubs.hit("asset_slow", "image/png", "/f/slow"));
            run(downloader, stubs.hit("asset_reset", "image/png", "/f/reset"));
            Asset cut = stubs.hit("asset_cut", "image/png", "/f/cut");
            cut.setUrl(cutting.url("/f/cut"));
            run(downloader, cut);
            try (DownloadedFile file = downloader.download("asset_byid", AssetFile.FILE)) {
                System.err.println("downloaded " + file);
            }
        }
        System.err.println("download log run done");
    }

    private static void run(AssetDownloader downloader, Asset hit) {
        try (DownloadedFile file = downloader.download(hit, AssetFile.FILE)) {
            System.err.println("downloaded " + file);
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}
