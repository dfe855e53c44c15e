package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelscenario.scenario.client.AssetDownloadException;
import io.github.camelscenario.scenario.client.AssetFile;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Downloads read ahead: in order, a bounded number at once, each failure its own, nothing left after a cancel. */
@Timeout(60)
class ContentReadAheadTest extends DownloadTestSupport {

    /** Larger than the 256 KB kept in memory: each waiting download is a file on disk. */
    private static final int SIZE = 300_000;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private CountingFileHost host;
    private ContentReadAhead readAhead;

    @AfterEach
    void stop() {
        if (readAhead != null) {
            readAhead.close();
        }
        pool.shutdownNow();
        if (host != null) {
            host.close();
        }
    }

    private ContentReadAhead readAhead(int concurrency) {
        ScenarioEndpoint endpoint = context.getEndpoint("scenario:download", ScenarioEndpoint.class);
        readAhead = new ContentReadAhead(endpoint.getDownloader(), AssetFile.FILE, concurrency, pool,
                ExecutorService::shutdownNow);
        return readAhead;
    }

    private Exchange fill(ContentReadAhead.Handle handle) throws IOException {
        Exchange exchange = new DefaultExchange(context);
        readAhead.fill(handle, exchange);
        return exchange;
    }

    private static byte[] body(Exchange exchange) throws IOException {
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            return in.readAllBytes();
        }
    }

    /** What a unit of work does when the exchange is done. */
    private static void complete(Exchange exchange) {
        List<Synchronization> done = exchange.getExchangeExtension().handoverCompletions();
        done.forEach(s -> s.onComplete(exchange));
    }

    @Test
    void filesAreHandedOutInOrderWhateverOrderTheyFinishIn() throws IOException {
        host = new CountingFileHost(2_000).delay(30).delay("asset_dl_a", 700);
        readAhead(3);
        List<ContentReadAhead.Handle> handles = new ArrayList<>();
        for (String id : List.of("asset_dl_a", "asset_dl_b", "asset_dl_c", "asset_dl_d", "asset_dl_e")) {
            handles.add(readAhead.submit(host.hit(id)));
        }
        for (ContentReadAhead.Handle handle : handles) {
            Exchange exchange = fill(handle);
            String id = handle.hit().getId();
            assertThat(exchange.getMessage().getHeader(ScenarioConstants.ASSET_ID)).isEqualTo(id);
            assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(id + ".png");
            assertThat(body(exchange)).isEqualTo(host.body(id));
            complete(exchange);
        }
        assertThat(readAhead.pending()).isZero();
    }

    @Test
    void atMostDownloadConcurrencyFilesAreDownloadingOrWaitingAndEachTakenOneMakesRoom() throws IOException {
        host = new CountingFileHost(SIZE).delay(150);
        readAhead(3);
        List<ContentReadAhead.Handle> handles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            handles.add(readAhead.submit(host.hit("asset_dl_w" + i)));
        }
        // nothing is taken: three are downloaded, then the read-ahead waits, with three files on disk
        await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles().size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> host.requests() == 3);
        assertThat(readAhead.started()).isEqualTo(3);
        assertThat(readAhead.pending()).isEqualTo(10);

        Exchange first = fill(handles.get(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> host.requests() == 4);
        complete(first);
        for (ContentReadAhead.Handle handle : handles.subList(1, 10)) {
            complete(fill(handle));
        }
        assertThat(host.maxInFlight()).as("downloads at once").isEqualTo(3);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aFailedDownloadFailsOnlyItsOwnAsset() throws IOException {
        host = new CountingFileHost(2_000);
        readAhead(2);
        ContentReadAhead.Handle a = readAhead.submit(host.hit("asset_dl_ok1"));
        ContentReadAhead.Handle missing = readAhead.submit(host.hit("missing_dl"));
        ContentReadAhead.Handle b = readAhead.submit(host.hit("asset_dl_ok2"));
        assertThat(body(fill(a))).isEqualTo(host.body("asset_dl_ok1"));
        assertThatThrownBy(() -> fill(missing)).isInstanceOfSatisfying(AssetDownloadException.class,
                e -> assertThat(e.getAssetId()).isEqualTo("missing_dl")).hasMessageContaining("HTTP 404");
        assertThat(body(fill(b))).isEqualTo(host.body("asset_dl_ok2"));
    }

    @Test
    void cancelAllAbortsRunningAndQueuedDownloadsAndDeletesFilesNotHandedOut() throws Exception {
        host = new CountingFileHost(SIZE).delay(10_000).delay("asset_dl_done", 0);
        readAhead(3);
        ContentReadAhead.Handle done = readAhead.submit(host.hit("asset_dl_done"));
        List<ContentReadAhead.Handle> slow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slow.add(readAhead.submit(host.hit("asset_dl_slow" + i)));
        }
        // one downloaded and waiting on disk, two hanging on a slow host, three queued
        await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles().size() == 1 && host.requests() == 3);

        long t0 = System.nanoTime();
        readAhead.cancelAll();
        for (ContentReadAhead.Handle handle : slow) {
            assertThatThrownBy(() -> fill(handle)).isInstanceOf(InterruptedIOException.class)
                    .hasMessageContaining(handle.hit().getId());
        }
        assertThatThrownBy(() -> fill(done)).isInstanceOf(InterruptedIOException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to cancel").isLessThan(5_000);
        assertThat(spoolFiles()).isEmpty();
        assertThat(host.requests()).as("queued downloads never start").isEqualTo(3);
        assertThatThrownBy(() -> readAhead.submit(host.hit("asset_dl_late"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandedOutFileBelongsToItsExchangeAndGoesWhenItCompletes() throws IOException {
        host = new CountingFileHost(SIZE);
        readAhead(2);
        Exchange exchange = fill(readAhead.submit(host.hit("asset_dl_own")));
        readAhead.cancelAll();
        assertThat(spoolFiles()).as("cancelAll leaves a handed-out file alone").hasSize(1);
        assertThat(body(exchange)).isEqualTo(host.body("asset_dl_own"));
        complete(exchange);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aDiscardedHitMakesRoomAndLeavesNothing() throws IOException {
        host = new CountingFileHost(SIZE);
        readAhead(1);
        ContentReadAhead.Handle skipped = readAhead.submit(host.hit("asset_dl_skip"));
        ContentReadAhead.Handle next = readAhead.submit(host.hit("asset_dl_next"));
        await().atMost(Duration.ofSeconds(10)).until(() -> spoolFiles().size() == 1);
        readAhead.discard(skipped);
        Exchange exchange = fill(next);
        assertThat(body(exchange)).isEqualTo(host.body("asset_dl_next"));
        complete(exchange);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aHandleFilledAheadOfItsTurnDoesNotWaitForThoseBeforeIt() throws IOException {
        host = new CountingFileHost(2_000);
        readAhead(1);
        readAhead.submit(host.hit("asset_dl_first"));
        ContentReadAhead.Handle second = readAhead.submit(host.hit("asset_dl_second"));
        assertThat(body(fill(second))).isEqualTo(host.body("asset_dl_second"));
    }

    @Test
    void aFilledExchangeEntersARouteWithItsBodyUncopiedAndTheRouteDeletesTheFile() throws Exception {
        host = new CountingFileHost(SIZE);
        readAhead(2);
        List<Object> bodies = new ArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:routed").process(e -> bodies.add(e.getMessage().getBody()))
                        .convertBodyTo(byte[].class);
            }
        });
        assertThat(context.isStreamCaching()).as("stream caching is on, as by default").isTrue();
        // what the consumer will do: fill its own exchange, then hand it to the route
        Exchange exchange = fill(readAhead.submit(host.hit("asset_dl_routed")));
        Object filled = exchange.getMessage().getBody();
        Exchange out = template.send("direct:routed", exchange);
        assertThat(bodies).containsExactly(filled);
        assertThat(out.getMessage().getBody(byte[].class)).isEqualTo(host.body("asset_dl_routed"));
        assertThat(spoolFiles()).as("released when the route's unit of work is done").isEmpty();
    }

    @Test
    void forAnEndpointItTakesItsContentAndConcurrencyAndClosesItsPool() {
        ScenarioEndpoint thumbnails = context.getEndpoint("scenario:download?content=thumbnail", ScenarioEndpoint.class);
        try (ContentReadAhead ahead = ContentReadAhead.of(thumbnails, this)) {
            assertThat(ahead.pending()).isZero();
        }
        ScenarioEndpoint hits = context.getEndpoint("scenario:search?query=cat", ScenarioEndpoint.class);
        assertThatThrownBy(() -> ContentReadAhead.of(hits, this)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("content=none");
    }
}
