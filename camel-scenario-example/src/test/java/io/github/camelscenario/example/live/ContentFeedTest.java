package io.github.camelscenario.example.live;

import io.github.camelscenario.scenario.ScenarioConfiguration;
import io.github.camelscenario.example.LocalComponent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.github.camelscenario.example.server.AssetOrder;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.ScenarioConstants;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A feed that carries the picture ({@code content=file}) against the local server and its file host (signed URLs on
 * another origin, past the search engine's paging cap): the sync route is one line, every picture arrives whole,
 * expired links are refreshed, a picture that cannot be downloaded fails its own exchange only and is offered again,
 * nothing is left on disk, and the file host never sees a credential.
 */
@Timeout(180)
class ContentFeedTest {

    @TempDir
    Path inbox;

    private LocalScenarioServer server;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Lambda routes: a RouteBuilder class in this package tree would be picked up by the example's Camel Main. */
    private void start(LocalScenarioServer.Builder serverSettings, LambdaRouteBuilder routes) throws Exception {
        server = serverSettings.start();
        context = new DefaultCamelContext();
        ScenarioConfiguration scenario = LocalComponent.pointAt(context, server);
        scenario.setRetryInitialDelay(5);
        scenario.setRetryMaxDelay(50);
        RouteBuilder.addRoutes(context, routes);
        context.start();
    }

    private List<String> inboxNames() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** The asset ids the inbox holds files of (named id.png or id.jpg, from the file host's content type). */
    private Set<String> inboxIds() throws IOException {
        return inboxNames().stream().map(n -> n.replaceAll("\\.(png|jpg)$", "")).collect(Collectors.toSet());
    }

    @Test
    void aFeedWithContentFileIsTheWholeSyncRoutePastThePagingCap() throws Exception {
        // 1,200 assets behind the default cap of 1,000; links that expire after one download (every retry refreshes)
        start(LocalScenarioServer.builder().assets(1_200), rb -> {
                rb.from("scenario:search?filter=RAW(width > 0)&onlyNew=true&content=file&initialDelay=0")
                        .routeId("sync")
                        .to("file:" + inbox);
        });
        // links that are good for one download: a retry has to ask the API for a fresh one
        server.fileFaults().expireAfterDownloads(1);
        Set<String> expected = Set.copyOf(server.assetIds(AssetOrder.CREATED_AT_DESC));

        await().atMost(120, TimeUnit.SECONDS).until(() -> inboxNames().size() >= expected.size());
        assertThat(inboxNames()).hasSize(expected.size());
        assertThat(inboxIds()).isEqualTo(expected);
        BufferedImage picture = ImageIO.read(inbox.resolve(inboxNames().get(0)).toFile());
        assertThat(picture).as("a whole PNG").isNotNull();
        assertThat(server.getFileRequestsWithCredentials()).as("file requests carrying API credentials").isZero();
    }

    @Test
    void aRouteStoppedInTheMiddleOfASyncLeavesNoFileOnDisk() throws Exception {
        // 1 MB pictures: above the size kept in memory, each download goes to a temporary file
        start(LocalScenarioServer.builder().assets(200).fileSize(1_000_000), rb -> {
                rb.from("scenario:search?filter=RAW(width > 0)&content=file&initialDelay=0&downloadConcurrency=4")
                        .routeId("sync")
                        .delay(20).syncDelayed()
                        .to("file:" + inbox);
        });
        await().atMost(60, TimeUnit.SECONDS).until(() -> inboxNames().size() >= 20);
        context.getRouteController().stopRoute("sync", 10, TimeUnit.SECONDS);
        assertThat(inboxNames().size()).as("stopped mid-sync").isLessThan(200);
        // the files downloaded ahead and never handed out are gone, and those handed out went with their exchanges
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("scenario-asset_") && n.endsWith(".download"))).isEmpty();
        }
    }

    @Test
    void aPictureThatCannotBeDownloadedFailsItsOwnExchangeAndIsOfferedAgainWhileTheOthersArrive() throws Exception {
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        start(LocalScenarioServer.builder().assets(60), rb -> {
                rb.onException(Exception.class).process(e -> failures.computeIfAbsent(
                        e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class),
                        id -> new AtomicInteger()).incrementAndGet());
                rb.from("scenario:search?filter=RAW(width > 0)&onlyNew=true&content=file&delay=100&initialDelay=0"
                     + "&downloadConcurrency=2")
                        .routeId("sync")
                        .process(e -> assertThat(e.getMessage().getHeader(ScenarioConstants.ASSET)).isInstanceOf(Asset.class))
                        .to("file:" + inbox);
        });
        String missing = server.assetIds(AssetOrder.CREATED_AT_DESC).get(10);
        server.fileFaults().notFound(missing);

        await().atMost(60, TimeUnit.SECONDS).until(() -> inboxIds().size() == 59);
        assertThat(inboxIds()).doesNotContain(missing);
        // its exchange failed, alone, and later polls offer it again
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> failures.containsKey(missing) && failures.get(missing).get() >= 2);
        assertThat(failures).containsOnlyKeys(missing);
        // once the file host has it again, it arrives
        server.fileFaults().reset();
        await().atMost(30, TimeUnit.SECONDS).until(() -> inboxIds().contains(missing));
        assertThat(inboxNames()).hasSize(60);
    }
}
