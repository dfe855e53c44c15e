package io.github.camelscenario.scenario;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * consumer.md's "Files as the body" routes, as written but for the folder: a feed with content=file puts each file in a
 * folder, and so do a search producer's hits sent to scenario:download; a file that cannot be had fails alone, and
 * nothing stays on disk.
 */
@Timeout(60)
class ConsumerToDownloadTest extends DownloadTestSupport {

    @TempDir
    Path inbox;

    private void serveThreeHitsOneOfThemGone() throws Exception {
        Asset a = servedHit("asset_dlf1", LARGE);
        Asset b = servedHit("asset_dlf2", SMALL);
        stubs.file("/f/asset_dlf0", aResponse().withStatus(404));
        Asset gone = stubs.hit("asset_dlf0", "image/png", "/f/asset_dlf0");
        stubs.api.stubFor(post(urlPathEqualTo("/v1/search/assets")).willReturn(okJson(
                "{\"hits\": [" + hitJson(a) + ", " + hitJson(gone) + ", " + hitJson(b) + "], \"page\": 1, "
                + "\"hitsPerPage\": 96, \"totalHits\": 3, \"totalPages\": 1}")));
    }

    private void assertTwoFilesAndNoSpool() throws Exception {
        assertThat(inbox.resolve("asset_dlf1.png")).hasBinaryContent(LARGE);
        assertThat(inbox.resolve("asset_dlf2.png")).hasBinaryContent(SMALL);
        assertThat(inbox.resolve("asset_dlf0.png")).doesNotExist();
        // released by the exchange's completion, which may run just after the done event NotifyBuilder counts
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(spoolFiles()).isEmpty());
    }

    @Test
    void aFeedWithContentFilePutsEachFileInTheFolderAndAFailingOneFailsAlone() throws Exception {
        serveThreeHitsOneOfThemGone();
        NotifyBuilder polled = new NotifyBuilder(context).from("scenario:*").whenDone(3).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scenario:search?filter=RAW(tags = cat)&onlyNew=true&content=file")   // or content=thumbnail
                    .to("file:" + inbox);                                                  // inbox/<asset id>.png
            }
        });
        assertThat(polled.matches(30, TimeUnit.SECONDS)).isTrue();
        assertTwoFilesAndNoSpool();
    }

    @Test
    void hitsOfASearchSentToDownloadPutEachFileInTheFolderAndAFailingOneFailsAlone() throws Exception {
        serveThreeHitsOneOfThemGone();
        NotifyBuilder done = new NotifyBuilder(context).from("timer:*").whenDone(1).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:cats?repeatCount=1")
                    .to("scenario:search?query=cat&hitsPerPage=20")
                    .split(body())
                        .to("scenario:download")                   // or scenario:download?content=thumbnail
                        .to("file:" + inbox);
            }
        });
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        assertTwoFilesAndNoSpool();
    }
}
