package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.FileHostStubs;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a route with content=file sees of a download that failed: its error handling gets the failure once, without a
 * redelivery of the hit itself; a download failing in an unexpected way (a runtime exception) fails its exchange only,
 * and every other asset still gets its own file.
 */
@Timeout(60)
class ConsumerDownloadFailureTest extends DownloadTestSupport {

    @Test
    void deadLetterChannelWithRedeliveriesSeesTheFailedDownload() throws Exception {
        stubs.file("/f/asset_dlf0", aResponse().withStatus(404));
        Asset gone = stubs.hit("asset_dlf0", "image/png", "/f/asset_dlf0");
        stubs.api.stubFor(post(urlPathEqualTo("/v1/search/assets")).willReturn(okJson(
                "{\"hits\": [" + hitJson(gone) + "], \"page\": 1, \"hitsPerPage\": 96, \"totalHits\": 1, \"totalPages\": 1}")));
        List<String> steps = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(2).redeliveryDelay(10));
                from("direct:dead").process(e -> steps.add("dead:" + e.getProperty("CamelExceptionCaught").getClass().getSimpleName()
                        + ":redeliveries=" + e.getMessage().getHeader("CamelRedeliveryCounter") + ":body="
                        + e.getMessage().getBody().getClass().getSimpleName()));
                from("scenario:search?query=cat&onlyNew=true&content=file&repeatCount=1")
                        .process(e -> steps.add("route:" + e.getMessage().getBody().getClass().getSimpleName()
                                + ":redelivered=" + e.getMessage().getHeader("CamelRedeliveryCounter")
                                + ":fileName=" + e.getMessage().getHeader("CamelFileName")));
            }
        });
        NotifyBuilder done = new NotifyBuilder(context).from("scenario:*").whenDone(1).create();
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        // not routed as the hit on a redelivery (which would record the asset as delivered): dead lettered once
        assertThat(steps).containsExactly("dead:AssetDownloadException:redeliveries=null:body=Asset");
    }

    private static final byte[] A2 = FileHostStubs.pseudoRandom(3_000, 2);
    private static final byte[] A3 = FileHostStubs.pseudoRandom(3_000, 3);
    private static final byte[] A4 = FileHostStubs.pseudoRandom(3_000, 4);

    /** Four hits with files; the first page has a hit whose URL HttpClient rejects (a runtime exception) before two good ones. */
    private record Hits(Asset bad, Asset a2, Asset a3, Asset a4) {
    }

    private Hits serveABadHitAndTwoGoodOnes() throws Exception {
        Asset bad = servedHit("asset_dlbad", SMALL);
        bad.setUrl("http://127.0.0.1:70000/f/asset_dlbad"); // an invalid port: HttpClient throws IllegalArgumentException
        stubs.file("/f/asset_dla2", FileHostStubs.bytes(A2, "image/png"));
        stubs.file("/f/asset_dla3", FileHostStubs.bytes(A3, "image/png"));
        stubs.file("/f/asset_dla4", FileHostStubs.bytes(A4, "image/png"));
        Hits h = new Hits(bad, stubs.hit("asset_dla2", "image/png", "/f/asset_dla2"),
                stubs.hit("asset_dla3", "image/png", "/f/asset_dla3"), stubs.hit("asset_dla4", "image/png", "/f/asset_dla4"));
        servePage(h.bad, h.a2, h.a3);
        return h;
    }

    private static void keepFile(Exchange e, Map<String, byte[]> delivered) throws IOException {
        try (InputStream in = e.getMessage().getBody(InputStream.class)) {
            delivered.put(e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class), in.readAllBytes());
        }
    }

    private void servePage(Asset... hits) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Asset h : hits) {
            b.append(b.length() == 0 ? "" : ",").append(hitJson(h));
        }
        stubs.api.stubFor(post(urlPathEqualTo("/v1/search/assets")).willReturn(okJson(
                "{\"hits\": [" + b + "], \"page\": 1, \"hitsPerPage\": 96, \"totalHits\": " + hits.length
                + ", \"totalPages\": 1}")));
    }

    @Test
    void aDownloadFailingWithARuntimeExceptionFailsItsExchangeOnlyAndEveryOtherAssetGetsItsOwnFile() throws Exception {
        Hits h = serveABadHitAndTwoGoodOnes();

        List<String> failed = new CopyOnWriteArrayList<>();
        Map<String, byte[]> delivered = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(false).process(e -> failed.add(
                        e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class) + ""));
                from("scenario:search?query=cat&onlyNew=true&content=file&initialDelay=0&delay=100")
                        .process(e -> keepFile(e, delivered));
            }
        });
        // the two good assets of the first page arrive, with their own files
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.containsKey("asset_dla2")
                                                         && delivered.containsKey("asset_dla3"));
        assertThat(delivered.get("asset_dla2")).isEqualTo(A2);
        assertThat(delivered.get("asset_dla3")).isEqualTo(A3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> failed.contains("asset_dlbad"));
        assertThat(failed).as("only the hit whose download threw failed").containsOnly("asset_dlbad");

        // a new asset arrives: delivered with its own file
        servePage(h.a4, h.bad, h.a2, h.a3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.containsKey("asset_dla4"));
        assertThat(delivered.get("asset_dla4")).isEqualTo(A4);
    }

    @Test
    void afterARuntimeDownloadFailureEveryLaterExchangeCarriesItsOwnFile() throws Exception {
        Hits h = serveABadHitAndTwoGoodOnes();
        MemoryIdempotentRepository repo = new MemoryIdempotentRepository();
        context.getRegistry().bind("repo", repo);
        Map<String, byte[]> delivered = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scenario:search?query=cat&onlyNew=true&content=file&initialDelay=0&delay=100"
                     + "&idempotentRepository=#repo")
                        .process(e -> keepFile(e, delivered));
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.containsKey("asset_dla3"));
        servePage(h.a4, h.bad, h.a2, h.a3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.containsKey("asset_dla4"));
        // each exchange carries its own asset's file: nothing left from an earlier batch
        assertThat(delivered.get("asset_dla2")).isEqualTo(A2);
        assertThat(delivered.get("asset_dla3")).isEqualTo(A3);
        assertThat(delivered.get("asset_dla4")).isEqualTo(A4);
    }
}
