package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The file host: signed URLs on another origin, expiry, the download-link endpoint, sizes and faults. */
@Timeout(60)
class FileHostTest {

    private LocalScenarioServer server;
    private ScenarioHttp http;

    private void start(LocalScenarioServer.Builder builder) {
        server = builder.assets(200).start();
        http = new ScenarioHttp(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode firstHit(String mimeType) {
        return http.search("{\"filter\": \"mimeType = \\\"" + mimeType + "\\\"\", \"limit\": 1}").json().path("hits")
                .get(0);
    }

    @Test
    void hitsPointAtSignedUrlsOnAnotherOriginThanTheApi() {
        start(LocalScenarioServer.builder());
        URI api = URI.create(server.getBaseUrl());
        URI file = URI.create(firstHit("image/png").path("url").asText());
        assertThat(file.getHost()).isEqualTo("localhost").isNotEqualTo(api.getHost());
        assertThat(file.getPort()).isNotEqualTo(api.getPort());
        assertThat(file.getQuery()).contains("expires=").contains("token=").contains("signature=");
        // each answer signs afresh: two searches hand out two URLs for the same file
        assertThat(firstHit("image/png").path("url").asText()).isNotEqualTo(file.toString());
        assertThat(http.get(file.toString()).status()).isEqualTo(200);
    }

    @Test
    void aUrlWhoseSignatureDoesNotMatchIsRefused() {
        start(LocalScenarioServer.builder());
        String url = firstHit("image/png").path("url").asText();
        assertThat(http.get(url.replace("token=", "token=9")).status()).isEqualTo(403);
        assertThat(http.get(url.substring(0, url.indexOf('?'))).status()).isEqualTo(403);
        String otherAsset = firstHit("image/jpeg").path("id").asText();
        String id = URI.create(url).getPath().split("/")[2];
        assertThat(http.get(url.replace(id, otherAsset)).code()).isEqualTo("SIGNATURE_DOES_NOT_MATCH");
    }

    @Test
    void aRequestCarryingAnAuthorizationHeaderIsRefusedAndCounted() {
        start(LocalScenarioServer.builder());
        String url = firstHit("image/png").path("url").asText();
        ScenarioHttp.Reply reply = http.getWithAuth(url);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("Only one auth mechanism allowed");
        assertThat(server.getFileRequestsWithCredentials()).isEqualTo(1);
        assertThat(http.get(url).status()).isEqualTo(200);
        assertThat(server.getFileRequestsWithCredentials()).isEqualTo(1);
    }

    @Test
    void urlsExpireAfterTheConfiguredSeconds() {
        start(LocalScenarioServer.builder().fileUrlsExpireAfterSeconds(1));
        String url = firstHit("image/png").path("url").asText();
        assertThat(http.get(url).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> http.get(url).status() == 403);
        assertThat(http.get(url).message()).isEqualTo("Request has expired");

        server.fileFaults().expiredStatus(410);
        assertThat(http.get(url).status()).isEqualTo(410);
        // the knob applies to URLs signed from then on
        server.fileFaults().expireAfterSeconds(0);
        assertThat(http.get(firstHit("image/png").path("url").asText()).status()).isEqualTo(200);
    }

    @Test
    void urlsExpireAfterTheConfiguredDownloads() {
        start(LocalScenarioServer.builder().fileUrlsExpireAfterDownloads(2));
        String url = firstHit("image/png").path("url").asText();
        assertThat(List.of(http.get(url).status(), http.get(url).status(), http.get(url).status()))
                .containsExactly(200, 200, 403);
        // another signing of the same file is a new URL with its own count
        assertThat(http.get(firstHit("image/png").path("url").asText()).status()).isEqualTo(200);
    }

    @Test
    void theDownloadLinkEndpointSignsAFreshUrlWithBasicAuthOnly() {
        start(LocalScenarioServer.builder().fileUrlsExpireAfterDownloads(1));
        JsonNode hit = firstHit("image/jpeg");
        String id = hit.path("id").asText();
        String used = hit.path("url").asText();
        assertThat(http.get(used).status()).isEqualTo(200);
        assertThat(http.get(used).status()).isEqualTo(403);

        ScenarioHttp.Reply link = http.downloadLink(id, "", null);
        assertThat(link.status()).isEqualTo(200);
        String fresh = link.json().path("url").asText();
        assertThat(fresh).startsWith(server.getFileOrigin() + "/files/" + id + "/image.jpg?");
        assertThat(http.get(fresh).status()).isEqualTo(200);
        assertThat(server.getDownloadLinkRequestCount()).isEqualTo(1);

        assertThat(http.downloadLink(id, "{\"targetFormat\": \"png\"}", null).json().path("url").asText())
                .contains("/image.png?");
        assertThat(http.downloadLink(id, "{\"targetFormat\": \"webp\"}", null).status()).isEqualTo(400);
        assertThat(http.downloadLink(id, "{\"format\": \"png\"}", null).status()).isEqualTo(400);
        assertThat(http.downloadLink("asset_nope", "", null).status()).isEqualTo(404);
        assertThat(http.downloadLink(id, "", ScenarioHttp.basic("demo-key", "wrong")).status()).isEqualTo(401);
    }

    @Test
    void servesFilesPaddedToTheConfiguredSizeAndStillDecodable() throws IOException {
        int size = 3_000_000;
        start(LocalScenarioServer.builder().fileSize(size));
        for (String mimeType : List.of("image/png", "image/jpeg")) {
            JsonNode hit = firstHit(mimeType);
            ScenarioHttp.Reply file = http.get(hit.path("url").asText());
            assertThat(file.raw().body()).hasSize(size);
            assertThat(file.raw().headers().firstValueAsLong("Content-Length")).hasValue(size);
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(file.raw().body()));
            assertThat(picture).as(mimeType + " decodes").isNotNull();
            assertThat(picture.getWidth()).isEqualTo(64);
            // thumbnails stay small
            assertThat(http.get(hit.path("thumbnail").path("url").asText()).raw().body().length).isLessThan(2_000);
        }
    }

    @Test
    void paddingReachesEveryExactSizeAroundItsPieceBoundaries() throws IOException {
        byte[] png = ImageRenderer.png(new int[16], 64);
        byte[] jpeg = ImageRenderer.jpeg(new int[16], 64);
        for (long size : new long[] { 0, png.length + 12, png.length + 12 + 65_536, png.length + 12 + 65_536 + 5,
                png.length + 2 * 65_548 + 11, png.length + 2 * 65_548 + 12, 1_000_003 }) {
            PaddedPicture padded = new PaddedPicture(png, true, size);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            padded.writeTo(out);
            assertThat(out.size()).as("PNG of %d bytes", size).isEqualTo(padded.length())
                    .isEqualTo(Math.max(size, png.length));
            assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
        }
        for (long size : new long[] { jpeg.length + 4, jpeg.length + 65_537, jpeg.length + 65_537 + 3,
                1_000_003 }) {
            PaddedPicture padded = new PaddedPicture(jpeg, false, size);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            padded.writeTo(out);
            assertThat(out.size()).as("JPEG of %d bytes", size).isEqualTo(size);
            assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
        }
    }

    @Test
    void faultsOnFileDownloads() throws Exception {
        start(LocalScenarioServer.builder().fileSize(200_000));
        JsonNode hit = firstHit("image/png");
        String url = hit.path("url").asText();

        server.fileFaults().serverErrorEvery(2);
        assertThat(List.of(http.get(url).status(), http.get(url).status(), http.get(url).status()))
                .containsExactly(200, 503, 200);
        server.fileFaults().reset();

        // file requests are counted from the server's start: the 5th is the second from here
        server.fileFaults().cutEvery(5);
        assertThat(http.get(url).status()).isEqualTo(200);
        HttpClient jdk = HttpClient.newHttpClient();
        HttpResponse<InputStream> cut = jdk.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(cut.headers().firstValueAsLong("Content-Length")).hasValue(200_000);
        assertThatThrownBy(() -> {
            try (InputStream in = cut.body()) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
        server.fileFaults().reset();

        server.fileFaults().notFound(hit.path("id").asText());
        assertThat(http.get(url).status()).isEqualTo(404);
        assertThat(http.get(hit.path("thumbnail").path("url").asText()).status()).isEqualTo(404);
        server.fileFaults().reset();
        assertThat(http.get(url).status()).isEqualTo(200);

        server.deleteAsset(hit.path("id").asText());
        assertThat(http.get(url).status()).isEqualTo(404);
    }

    @Test
    void fileLatencyDelaysFileAnswersOnly() {
        start(LocalScenarioServer.builder().fileLatencyMillis(400));
        firstHit("image/png"); // warms the search up
        long t0 = System.nanoTime();
        String url = firstHit("image/png").path("url").asText();
        long searchMillis = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        assertThat(http.get(url).status()).isEqualTo(200);
        long fileMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(fileMillis).isGreaterThanOrEqualTo(400);
        assertThat(searchMillis).isLessThan(400);
    }

    @Test
    void validatesFileKnobs() {
        assertThatThrownBy(() -> LocalScenarioServer.builder().fileSize(-1)).isInstanceOf(IllegalArgumentException.class);
        FileFaults faults = new FileFaults();
        assertThatThrownBy(() -> faults.expiredStatus(404)).hasMessageContaining("403 or 410");
        assertThatThrownBy(() -> faults.expireAfterSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.cutEvery(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
