package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetDownloadException;
import io.github.camelscenario.scenario.client.FileHostStubs;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** scenario:download: which asset, what the body and headers are, and where the file goes afterwards. */
@Timeout(60)
class DownloadProducerTest extends DownloadTestSupport {

    @TempDir
    Path inbox;

    /** Bodies and headers seen by the step after the download, and the temporary files behind them. */
    private final List<Exchange> seen = new CopyOnWriteArrayList<>();
    private final List<byte[]> contents = new CopyOnWriteArrayList<>();
    private final List<Path> spooled = new CopyOnWriteArrayList<>();
    /** How many of the temporary files seen so far still existed at each step. */
    private final List<Long> existing = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("scenario:download").process(this::see);
                from("direct:thumbnail").to("scenario:download?content=thumbnail").process(this::see);
                from("direct:sync").to("scenario:download").process(this::see).to("file:" + inbox);
                from("direct:failAfter").to("scenario:download").process(this::see).process(e -> {
                    try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                        in.read(new byte[100]); // a stream opened, then the route fails
                        throw new IllegalStateException("downstream failure");
                    }
                });
                from("direct:searchAndSync").to("scenario:search?query=cat")
                        .split(body())
                            .to("scenario:download").process(this::see).to("file:" + inbox)
                        .end();
                from("direct:multicast").to("scenario:download").process(this::see)
                        .multicast().to("direct:copyA", "direct:copyB");
                from("direct:copyA").to("file:" + inbox.resolve("a"));
                from("direct:copyB").to("file:" + inbox.resolve("b"));
            }

            /** What the next step gets; the file is read on the side, leaving the body's stream untouched. */
            private void see(Exchange exchange) throws IOException {
                seen.add(exchange.copy());
                if (exchange.getMessage().getBody() instanceof DownloadedFileCache cache) {
                    try (InputStream in = cache.file().openStream()) {
                        contents.add(in.readAllBytes());
                    }
                    if (cache.file().getPath() != null) {
                        spooled.add(cache.file().getPath());
                        existing.add(spooled.stream().filter(Files::exists).count());
                    }
                }
            }
        };
    }

    @Test
    void aHitInTheBodyBecomesItsFileAsAStreamWithTheHitInHeaders() throws IOException {
        Asset hit = servedHit("asset_dl1", SMALL);
        Exchange out = template.request("direct:download", e -> e.getMessage().setBody(hit));
        assertThat(out.getException()).isNull();
        Object body = seen.get(0).getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class).isInstanceOf(StreamCache.class);
        assertThat(contents.get(0)).isEqualTo(SMALL);
        Map<String, Object> headers = seen.get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry(ScenarioConstants.ASSET, hit)
                .containsEntry(ScenarioConstants.ASSET_ID, "asset_dl1")
                .containsEntry(Exchange.CONTENT_TYPE, "image/png")
                .containsEntry(Exchange.FILE_NAME, "asset_dl1.png");
    }

    @Test
    void theThumbnailWithContentThumbnail() throws IOException {
        Asset hit = servedHit("asset_dl2", LARGE);
        template.request("direct:thumbnail", e -> e.getMessage().setBody(hit));
        assertThat(contents.get(0)).isEqualTo(SMALL);
        assertThat(seen.get(0).getMessage().getHeaders()).containsEntry(Exchange.CONTENT_TYPE, "image/webp")
                .containsEntry(Exchange.FILE_NAME, "asset_dl2.webp");
    }

    @Test
    void anAssetIdInTheBodyOrAHeaderIsLookedUpWithTheCredentials() throws IOException {
        Asset hit = servedHit("asset_dl3", SMALL);
        stubs.api.stubFor(get(urlPathEqualTo("/v1/assets/asset_dl3")).withBasicAuth(FileHostStubs.API_KEY,
                FileHostStubs.API_SECRET).willReturn(okJson("{\"asset\": " + hitJson(hit) + "}")));
        template.request("direct:download", e -> e.getMessage().setBody("asset_dl3"));
        template.request("direct:download", e -> e.getMessage().setHeader(ScenarioConstants.ASSET_ID, "asset_dl3"));
        template.request("direct:download", e -> {
            e.getMessage().setBody("");
            e.getMessage().setHeader(ScenarioConstants.ASSET, hit);
        });
        assertThat(seen).hasSize(3);
        assertThat(contents).hasSize(3).allSatisfy(c -> assertThat(c).isEqualTo(SMALL));
        for (Exchange e : seen) {
            assertThat(e.getMessage().getHeader(ScenarioConstants.ASSET, Asset.class).getId()).isEqualTo("asset_dl3");
        }
        assertThat(stubs.api.getAllServeEvents()).as("the hit in the header needs no lookup").hasSize(2);
    }

    @Test
    void aBodyThatNamesNoAssetFailsTheExchangeSayingWhatIsNeeded() {
        assertThat(template.request("direct:download", e -> e.getMessage().setBody(42)).getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an Asset (a search hit) or an asset id String as the body")
                .hasMessageContaining("the body is a java.lang.Integer");
        assertThat(template.request("direct:download", e -> e.getMessage().setBody(null)).getException())
                .hasMessageContaining("the body is empty and neither header is set");
        assertThat(template.request("direct:download", e -> e.getMessage().setBody(
                stubs.signedUrl("/f/asset_dl9"))).getException())
                .hasMessageContaining("it is a URL; give the hit (an Asset) or its id")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE);
        assertThat(template.request("direct:download", e -> e.getMessage().setBody("two words")).getException())
                .hasMessageContaining("Invalid asset id in the body = 'two words'");
        assertThat(stubs.fileRequests()).isEmpty();
        assertThat(stubs.api.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSyncRouteWritesTheFileUnderItsNameAndDeletesTheTemporaryFile() throws IOException {
        Asset hit = servedHit("asset_dl4", LARGE);
        Exchange out = template.request("direct:sync", e -> e.getMessage().setBody(hit));
        assertThat(out.getException()).isNull();
        assertThat(inbox.resolve("asset_dl4.png")).hasBinaryContent(LARGE);
        assertThat(spooled).hasSize(1);
        assertThat(spooled.get(0)).as("the temporary file, once the exchange completed").doesNotExist();
    }

    @Test
    void theTemporaryFileIsClosedAndDeletedWhenTheExchangeFails() throws IOException {
        Asset hit = servedHit("asset_dl5", LARGE);
        Exchange out = template.request("direct:failAfter", e -> e.getMessage().setBody(hit));
        assertThat(out.getException()).hasMessage("downstream failure");
        assertThat(spooled).hasSize(1);
        assertThat(spooled.get(0)).doesNotExist();
        DownloadedFileCache body = (DownloadedFileCache) out.getMessage().getBody();
        assertThatThrownBy(body::read).as("nothing can be read once released").isInstanceOf(IOException.class);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aFailedDownloadFailsItsExchangeNamingTheAssetAndNeitherLeavesAFile() throws IOException {
        stubs.file("/f/asset_dl6", aResponse().withStatus(404));
        Exchange out = template.request("direct:sync", e -> e.getMessage().setBody(stubs.hit("asset_dl6", "image/png",
                "/f/asset_dl6")));
        assertThat(out.getException()).isInstanceOf(AssetDownloadException.class)
                .hasMessageContaining("asset asset_dl6").hasMessageContaining("HTTP 404")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE);
        assertThat(inbox).isEmptyDirectory();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void afterASearchEachHitOfTheSplitIsDownloadedAndItsTemporaryFileGoesWithItsExchange() throws IOException {
        Asset a = servedHit("asset_dl7", LARGE);
        Asset b = servedHit("asset_dl8", LARGE);
        stubs.file("/f/asset_dl0", aResponse().withStatus(404));
        Asset missing = stubs.hit("asset_dl0", "image/png", "/f/asset_dl0");
        stubs.api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/search/assets"))
                .willReturn(okJson("{\"hits\": [" + hitJson(a) + ", " + hitJson(missing) + ", " + hitJson(b)
                                   + "], \"page\": 1, \"totalHits\": 3}")));
        Exchange out = template.request("direct:searchAndSync", e -> {
        });
        // the split goes on past the asset that failed, and ends with its failure
        assertThat(out.getException()).hasMessageContaining("asset asset_dl0");
        assertThat(inbox.resolve("asset_dl7.png")).hasBinaryContent(LARGE);
        assertThat(inbox.resolve("asset_dl8.png")).hasBinaryContent(LARGE);
        assertThat(spooled).hasSize(2).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(existing).as("each hit's temporary file is gone before the next hit is downloaded")
                .containsExactly(1L, 1L);
    }

    @Test
    void eachBranchOfAMulticastReadsTheWholeFile() throws IOException {
        Asset hit = servedHit("asset_dl9", LARGE);
        Exchange out = template.request("direct:multicast", e -> e.getMessage().setBody(hit));
        assertThat(out.getException()).isNull();
        assertThat(inbox.resolve("a").resolve("asset_dl9.png")).hasBinaryContent(LARGE);
        assertThat(inbox.resolve("b").resolve("asset_dl9.png")).hasBinaryContent(LARGE);
        assertThat(spooled.get(0)).doesNotExist();
        assertThat(Files.exists(spooled.get(0))).isFalse();
    }
}
