package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A cancelled download ends at once, whatever it was doing, and leaves nothing open or on disk. */
@Timeout(30)
class AssetDownloadCancelTest {

    @TempDir
    Path spool;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private FileHostStubs stubs;
    private AssetDownloader downloader;

    @BeforeEach
    void start() {
        stubs = new FileHostStubs();
        // long delays: only the cancellation can end these downloads quickly
        downloader = stubs.downloader(new RetryPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(20)),
                b -> b.spoolDirectory(spool));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        stubs.close();
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("the download did not fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the cancelled download did not end within 5 s", e);
        }
    }

    private long spoolFiles() throws IOException {
        try (var files = Files.list(spool)) {
            return files.count();
        }
    }

    @Test
    void cancellingInTheMiddleOfABodyAbortsItAndDeletesWhatWasSpooled() throws Exception {
        try (RawFileServer stalling = new RawFileServer(4_000_000, 500_000, RawFileServer.Then.STALL)) {
            Asset hit = stubs.hit("asset_s", "image/png", "/f/s");
            hit.setUrl(stalling.url("/f/s"));
            AssetDownload download = downloader.prepare(hit, AssetFile.FILE);
            Future<DownloadedFile> running = executor.submit(download);
            assertThat(stalling.awaitStall(5000)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> spoolFiles() == 1);

            long t0 = System.nanoTime();
            download.cancel();
            assertThat(failureOf(running)).isInstanceOf(InterruptedIOException.class)
                    .hasMessage("Download of the file of asset asset_s cancelled");
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
            assertThat(spoolFiles()).isZero();
            assertThat(stalling.requests()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void cancellingDuringTheWaitBeforeARetryEndsTheWait() throws Exception {
        stubs.file("/f/busy", aResponse().withStatus(503).withHeader("Retry-After", "20"));
        AssetDownload download = downloader.prepare(stubs.hit("asset_b", "image/png", "/f/busy"), AssetFile.FILE);
        Future<DownloadedFile> running = executor.submit(download);
        await().atMost(Duration.ofSeconds(5)).until(() -> stubs.fileRequests().size() == 1);
        download.cancel();
        assertThat(failureOf(running)).isInstanceOf(InterruptedIOException.class);
        assertThat(stubs.fileRequests()).hasSize(1);
    }

    @Test
    void aDownloadCancelledBeforeItStartsSendsNothing() {
        AssetDownload download = downloader.prepare(stubs.hit("asset_c", "image/png", "/f/c"), AssetFile.FILE);
        download.cancel();
        assertThat(download.isCancelled()).isTrue();
        assertThatThrownBy(download::call).isInstanceOf(InterruptedIOException.class);
        assertThat(stubs.fileRequests()).isEmpty();
    }

    @Test
    void interruptingTheThreadDuringTheWaitEndsItToo() throws Exception {
        stubs.file("/f/busy", aResponse().withStatus(503).withHeader("Retry-After", "20"));
        Future<DownloadedFile> running = executor.submit(
                downloader.prepare(stubs.hit("asset_i", "image/png", "/f/busy"), AssetFile.FILE));
        await().atMost(Duration.ofSeconds(5)).until(() -> stubs.fileRequests().size() == 1);
        running.cancel(true);
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
}
