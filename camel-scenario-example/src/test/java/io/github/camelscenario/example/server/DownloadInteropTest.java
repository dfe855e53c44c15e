package io.github.camelscenario.example.server;

import io.github.camelscenario.scenario.ScenarioConfiguration;
import io.github.camelscenario.example.LocalComponent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetDownloadException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component's scenario:download against the local server's file host: signed URLs on another origin that expire
 * by time or by downloads, 503s and bodies cut short, large files. Every file arrives whole, and the file host never
 * sees a credential.
 */
@Timeout(120)
class DownloadInteropTest extends CamelTestSupport {

    @TempDir
    Path inbox;

    private LocalScenarioServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = LocalScenarioServer.builder().assets(300).fileSize(300_000).start();
        CamelContext context = super.createCamelContext();
        ScenarioConfiguration scenario = LocalComponent.pointAt(context, server);
        scenario.setRetryInitialDelay(5);
        scenario.setRetryMaxDelay(50);
        return context;
    }

    /** Lambda routes: a RouteBuilder class in this package tree would be picked up by the example's Camel Main. */
    @BeforeEach
    void routes() throws Exception {
        RouteBuilder.addRoutes(context, rb -> {
            rb.from("direct:sync").to("scenario:search?filter=RAW(width > 0)&hitsPerPage=40")
                    .split(rb.body()).streaming()
                        .to("scenario:download").to("file:" + inbox)
                    .end();
            // the file lives as long as its exchange: read it in the route
            rb.from("direct:download").to("scenario:download").convertBodyTo(byte[].class);
            rb.from("direct:thumbnail").to("scenario:download?content=thumbnail").convertBodyTo(byte[].class);
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.sorted().toList();
        }
    }

    /** Every file in the inbox is a whole picture of the padded size. */
    private void assertWholePictures(int count) throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(count);
        for (Path file : files) {
            assertThat(Files.size(file)).as(file.toString()).isEqualTo(300_000);
            BufferedImage picture = ImageIO.read(file.toFile());
            assertThat(picture).as(file + " decodes").isNotNull();
        }
    }

    @Test
    void aSyncThroughFaultsAndUrlsGoodForOneDownloadGetsEveryFileWhole() throws IOException {
        server.fileFaults().expireAfterDownloads(1).serverErrorEvery(7).cutEvery(5);
        Exchange out = template.request("direct:sync", e -> {
        });
        assertThat(out.getException()).isNull();
        assertWholePictures(40);
        assertThat(files()).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("asset_\\w+\\.(png|jpg)"));
        // a 503 or a cut body used the URL's one download: its retry needed a fresh link
        assertThat(server.getDownloadLinkRequestCount()).isPositive();
        assertThat(server.getFileRequestsWithCredentials()).isZero();
    }

    @Test
    void hitsWhoseUrlsExpiredMeanwhileAreDownloadedThroughFreshLinks() throws Exception {
        server.fileFaults().expireAfterSeconds(1);
        List<?> hits = template.requestBody("scenario:search?query=dragon&hitsPerPage=5", null, List.class);
        Asset first = (Asset) hits.get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(first.getUrl()) == 403);
        for (Object hit : hits) {
            Exchange out = template.request("direct:download", e -> e.getMessage().setBody(hit));
            assertThat(out.getException()).isNull();
            byte[] body = out.getMessage().getBody(byte[].class);
            assertThat(body).hasSize(300_000);
        }
        assertThat(server.getDownloadLinkRequestCount()).isEqualTo(5);
        assertThat(server.getFileRequestsWithCredentials()).isZero();
    }

    @Test
    void anExpiredThumbnailIsDownloadedThroughTheAssetLookedUpAgain() throws Exception {
        server.fileFaults().expireAfterDownloads(1);
        Asset hit = (Asset) template.requestBody("scenario:search?query=owl&hitsPerPage=1", null, List.class).get(0);
        assertThat(status(hit.getThumbnail().getUrl())).isEqualTo(200); // its one download, used up
        Exchange out = template.request("direct:thumbnail", e -> e.getMessage().setBody(hit));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(out.getMessage().getBody(byte[].class))).getWidth())
                .isEqualTo(32);
    }

    @Test
    void aFileTheHostDoesNotHaveFailsItsExchangeNamingTheAsset() throws Exception {
        Asset hit = (Asset) template.requestBody("scenario:search?query=fox&hitsPerPage=1", null, List.class).get(0);
        server.fileFaults().notFound(hit.getId());
        Exchange out = template.request("direct:download", e -> e.getMessage().setBody(hit.getId()));
        assertThat(out.getException()).isInstanceOf(AssetDownloadException.class)
                .hasMessageContaining("asset " + hit.getId()).hasMessageContaining("HTTP 404")
                .hasMessageNotContaining("signature=");
    }

    private int status(String url) throws Exception {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        return jdk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
