package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads: streamed to memory or disk, typed and named, and what a hit without a usable URL gets. */
@Timeout(30)
class AssetDownloaderTest {

    @TempDir
    Path spool;

    private FileHostStubs stubs;
    private AssetDownloader downloader;

    @BeforeEach
    void start() {
        stubs = new FileHostStubs();
        downloader = stubs.downloader(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(50)),
                b -> b.spoolDirectory(spool));
    }

    @AfterEach
    void stop() {
        stubs.close();
    }

    private static byte[] read(DownloadedFile file) throws IOException {
        try (InputStream in = file.openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSmallFileStaysInMemoryALargeOneGoesToAFileThatCloseDeletes() throws IOException {
        byte[] small = FileHostStubs.pseudoRandom(1000, 1);
        byte[] large = FileHostStubs.pseudoRandom(300_000, 2);
        stubs.file("/f/small.png", FileHostStubs.bytes(small, "image/png"));
        stubs.file("/f/large.png", FileHostStubs.bytes(large, "image/png"));

        try (DownloadedFile file = downloader.download(stubs.hit("asset_small", "image/png", "/f/small.png"),
                AssetFile.FILE)) {
            assertThat(file.isInMemory()).isTrue();
            assertThat(file.getPath()).isNull();
            assertThat(read(file)).isEqualTo(small);
            assertThat(file.getLength()).isEqualTo(1000);
        }
        DownloadedFile file = downloader.download(stubs.hit("asset_large", "image/png", "/f/large.png"),
                AssetFile.FILE);
        assertThat(file.isInMemory()).isFalse();
        assertThat(file.getPath()).exists().hasParent(spool);
        assertThat(file.getPath().getFileName().toString()).startsWith("scenario-asset_large-");
        assertThat(read(file)).isEqualTo(large);
        assertThat(read(file)).as("each stream starts from the beginning").isEqualTo(large);
        assertThat(file.getLength()).isEqualTo(300_000);
        file.close();
        assertThat(file.getPath()).doesNotExist();
        file.close(); // idempotent
        assertThatThrownBy(file::openStream).hasMessageContaining("asset_large").hasMessageContaining("closed");
    }

    @Test
    void theThumbnailComesFromThumbnailUrl() throws IOException {
        stubs.file("/f/a.png.thumb", FileHostStubs.bytes(new byte[] { 1, 2, 3 }, "image/webp"));
        try (DownloadedFile thumb = downloader.download(stubs.hit("asset_a", "image/png", "/f/a.png"),
                AssetFile.THUMBNAIL)) {
            assertThat(read(thumb)).containsExactly(1, 2, 3);
            assertThat(thumb.getFile()).isEqualTo(AssetFile.THUMBNAIL);
            assertThat(thumb.getContentType()).isEqualTo("image/webp");
            assertThat(thumb.getFileName()).isEqualTo("asset_a.webp");
        }
    }

    @ParameterizedTest(name = "host says {0}, mimeType {1}: {2}, {3}")
    @CsvSource(nullValues = "null", value = {
            "image/jpeg, image/png, image/jpeg, asset_t.jpg",
            "image/png; charset=binary, image/jpeg, image/png; charset=binary, asset_t.png",
            "application/octet-stream, image/webp, image/webp, asset_t.webp",
            "null, image/jpeg, image/jpeg, asset_t.jpg",
            "null, null, image/png, asset_t.png",
            "binary/octet-stream, video/x-matroska, video/x-matroska, asset_t",
            "model/gltf-binary, null, model/gltf-binary, asset_t.glb" })
    void theTypeComesFromTheFileHostElseTheMimeTypeElseTheBytes(String host, String mimeType, String type,
                                                                 String name) throws IOException {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
        stubs.file("/f/t", FileHostStubs.bytes(png, host));
        try (DownloadedFile file = downloader.download(stubs.hit("asset_t", mimeType, "/f/t"), AssetFile.FILE)) {
            assertThat(file.getContentType()).isEqualTo(type);
            assertThat(file.getFileName()).isEqualTo(name);
        }
    }

    @Test
    void anIdThatCouldLeaveAFolderIsMadeSafeAsAFileName() {
        assertThat(FileNames.fileName("../../etc/passwd", "image/png")).isEqualTo("_._.._etc_passwd.png");
        assertThat(FileNames.fileName("a b\\c:d", null)).isEqualTo("a_b_c_d");
    }

    @Test
    void byIdTheAssetIsLookedUpFirstWithTheCredentials() throws IOException {
        stubs.api.stubFor(get(urlPathEqualTo("/v1/assets/asset_id")).willReturn(okJson(
                "{\"asset\": {\"id\": \"asset_id\", \"mimeType\": \"image/jpeg\", \"url\": \""
                + stubs.signedUrl("/f/id.jpg") + "\"}}")));
        stubs.file("/f/id.jpg", FileHostStubs.bytes(new byte[] { 9 }, null));
        try (DownloadedFile file = downloader.download("asset_id", AssetFile.FILE)) {
            assertThat(read(file)).containsExactly(9);
            assertThat(file.getAsset().getMimeType()).isEqualTo("image/jpeg");
            assertThat(file.getFileName()).isEqualTo("asset_id.jpg");
        }
        assertThat(stubs.api.findAll(getRequestedFor(urlPathEqualTo("/v1/assets/asset_id"))).get(0)
                .getHeader("Authorization")).isEqualTo(FileHostStubs.BASIC);
    }

    @Test
    void anUnknownIdFailsNamingItWithoutRetries() {
        stubs.api.stubFor(get(urlPathEqualTo("/v1/assets/asset_gone"))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Asset not found\"}")));
        assertThatThrownBy(() -> downloader.download("asset_gone", AssetFile.FILE))
                .isInstanceOfSatisfying(AssetDownloadException.class, e -> {
                    assertThat(e.getAssetId()).isEqualTo("asset_gone");
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getAttempts()).isZero();
                })
                .hasMessageContaining("asset asset_gone").hasMessageContaining("HTTP 404")
                .hasMessageContaining("Asset not found");
        assertThat(stubs.api.findAll(getRequestedFor(urlPathEqualTo("/v1/assets/asset_gone")))).hasSize(1);
        assertThat(stubs.fileRequests()).isEmpty();
    }

    @Test
    void aHitWithoutUrlFailsNamingTheAssetAndSendsNothing() {
        Asset hit = stubs.hit("asset_nourl", "image/png", "/f/x");
        hit.setUrl(null);
        assertThatThrownBy(() -> downloader.download(hit, AssetFile.FILE))
                .isInstanceOf(AssetDownloadException.class)
                .hasMessage("Download of the file of asset asset_nourl failed: the asset has no url; nothing to "
                            + "download");
        hit.setThumbnail(null);
        assertThatThrownBy(() -> downloader.download(hit, AssetFile.THUMBNAIL))
                .hasMessageContaining("asset asset_nourl").hasMessageContaining("no thumbnail.url");
        hit.setUrl("ftp://cdn.example/x?signature=" + FileHostStubs.SIGNATURE);
        assertThatThrownBy(() -> downloader.download(hit, AssetFile.FILE))
                .hasMessageContaining("asset asset_nourl").hasMessageContaining("not an absolute http(s) URL")
                .hasMessageNotContaining(FileHostStubs.SIGNATURE);
        assertThat(stubs.fileRequests()).isEmpty();
    }

    @Test
    void anAssetWithoutIdIsRefusedUpFront() {
        Asset hit = stubs.hit(null, "image/png", "/f/x");
        assertThatThrownBy(() -> downloader.prepare(hit, AssetFile.FILE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without an id");
        assertThatThrownBy(() -> downloader.prepare(" ", AssetFile.FILE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank asset id");
    }

    @Test
    void aDownloadRunsOnce() throws IOException {
        stubs.file("/f/once", FileHostStubs.bytes(new byte[] { 1 }, "image/png"));
        AssetDownload download = downloader.prepare(stubs.hit("asset_once", "image/png", "/f/once"), AssetFile.FILE);
        download.call().close();
        assertThatThrownBy(download::call).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSpoolFileOfABodyCutShortIsDeletedAndTheDownloadRetried() throws IOException {
        try (RawFileServer cutting = new RawFileServer(500_000, 200_000, RawFileServer.Then.CLOSE)) {
            Asset hit = stubs.hit("asset_cut", "image/png", "/f/cut");
            hit.setUrl(cutting.url("/f/cut"));
            assertThatThrownBy(() -> downloader.download(hit, AssetFile.FILE))
                    .isInstanceOf(AssetDownloadException.class).hasMessageContaining("asset asset_cut")
                    .hasMessageContaining("gave up after 3 attempts");
            assertThat(cutting.requests()).isEqualTo(3);
        }
        try (var left = Files.list(spool)) {
            assertThat(left).as("spool files left").isEmpty();
        }
    }
}
