package io.github.camelscenario.example.kamelet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchPage;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Marker;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The kamelets shipped in the component jar, used as a user would: the YAML routes and pipe of docs/kamelets.md
 * (files under src/test/resources/kamelets-usage), found on the classpath by kamelet:, against the local server.
 */
@Timeout(60)
class KameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalScenarioServer server;
    /** The dragons on the server as each test starts (one test adds one). */
    private Set<String> dragons;

    @TempDir
    Path workDir;

    private CamelContext context;
    /** What the routes' log steps logged. */
    private final List<String> logged = new CopyOnWriteArrayList<>();
    /** The headers of each message the routes sent to a file: endpoint. */
    private final List<Map<String, Object>> filed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        server = LocalScenarioServer.builder().assets(400).start();
    }

    @BeforeEach
    void findDragons() throws Exception {
        dragons = idsMatching("tags = dragon");
        assertThat(dragons).hasSizeGreaterThan(5);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void sourceKameletRouteWritesEveryMatchingAssetOnceAsJsonThenTheNewOnes() throws Exception {
        Path feed = workDir.resolve("feed");
        start("dragon-feed-route.yaml");

        await().atMost(Duration.ofSeconds(20)).until(() -> jsonFiles(feed).size() == dragons.size());
        assertThat(idsOfFiles(feed)).isEqualTo(dragons);
        for (Path file : jsonFiles(feed)) {
            JsonNode asset = JSON.readTree(file.toFile());
            assertThat(file.getFileName().toString()).isEqualTo(asset.get("id").asText() + ".json");
            assertThat(asset.get("tags").toString()).contains("\"dragon\"");
        }
        // the headers the kamelet's description and docs/kamelets.md promise, with their values
        assertThat(filed).hasSize(dragons.size()).allSatisfy(headers -> {
            assertThat(dragons).contains((String) headers.get("CamelScenarioAssetId"));
            assertThat(headers).containsEntry("CamelScenarioResultPage", 1)
                    .containsEntry("CamelScenarioTotalHits", (long) dragons.size())
                    .containsEntry("Content-Type", "application/json");
        });

        // onlyNew by default: a dragon added now is the only new file of the next poll
        Asset template = new Asset();
        template.setTags(List.of("dragon", "red", "cave", "anime", "calm"));
        String added = server.addAsset(template);
        await().atMost(Duration.ofSeconds(20)).until(() -> jsonFiles(feed).size() == dragons.size() + 1);
        assertThat(idsOfFiles(feed)).contains(added);
    }

    @Test
    void sourceKameletPipeFeedsTheSinkLikeTheRoute() throws Exception {
        Path feed = workDir.resolve("feed");
        start("dragon-feed.pipe.yaml");

        await().atMost(Duration.ofSeconds(20)).until(() -> jsonFiles(feed).size() >= dragons.size());
        assertThat(idsOfFiles(feed)).isEqualTo(dragons);
    }

    @Test
    void actionKameletAnswersAQueryAJsonRequestAndAPictureWithAJsonArrayOfHits() throws Exception {
        start("search-action-route.yaml");

        Exchange answer = context.createProducerTemplate().request("direct:search", e -> e.getMessage().setBody("cat"));
        JsonNode byQuery = JSON.readTree(answer.getMessage().getBody(String.class));
        assertThat(byQuery.isArray()).isTrue();
        assertThat(byQuery).hasSize(5);
        for (JsonNode hit : byQuery) {
            assertThat(hit.toString().toLowerCase()).contains("cat");
        }
        // the headers the kamelet's description and docs/kamelets.md name, and what the route's log step printed
        long cats = totalHits(new SearchRequest().setQuery("cat"));
        assertThat(answer.getMessage().getHeaders()).containsEntry("CamelScenarioTotalHits", cats)
                .containsEntry("CamelScenarioTotalPages", (int) ((cats + 4) / 5))
                .containsEntry("CamelScenarioResultPage", 1)
                .containsEntry("CamelScenarioResultHitsPerPage", 5);
        assertThat(logged).singleElement().asString()
                .startsWith(cats + " assets matched; the first 5: [{\"id\":\"" + byQuery.get(0).get("id").asText() + "\"");

        JsonNode byRequest = JSON.readTree(context.createProducerTemplate().requestBody("direct:search",
                "{\"filter\": \"tags = dragon\", \"sortBy\": [\"createdAt:asc\"], \"hitsPerPage\": 100}", String.class));
        List<String> ids = new ArrayList<>();
        byRequest.forEach(hit -> ids.add(hit.get("id").asText()));
        // the body's hitsPerPage wins over the kamelet's; ids ascend with creation time
        assertThat(new TreeSet<>(ids)).isEqualTo(dragons);
        assertThat(ids).isSorted();

        String source = dragons.iterator().next();
        byte[] picture = download(server.imageUrl(source));
        JsonNode byPicture = JSON.readTree(context.createProducerTemplate().requestBody("direct:search", picture,
                String.class));
        assertThat(byPicture.get(0).get("id").asText()).isEqualTo(source);

        // the credentials sit on the kamelet's own component: its endpoints' URIs hold no secret, and the kamelet:
        // URI of the calling route, which does, is masked wherever Camel shows it
        assertThat(context.getEndpoints()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.toString()).doesNotContain(server.getApiSecret());
            if (!e.getEndpointUri().startsWith("kamelet:")) {
                assertThat(e.getEndpointUri()).doesNotContain(server.getApiSecret());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"similar-pictures-route.yaml", "similar-pictures.pipe.yaml"})
    void actionKameletAsAStepSearchesEachPictureDroppedInTheInbox(String file) throws Exception {
        Path inbox = Files.createDirectories(workDir.resolve("inbox"));
        Path similar = workDir.resolve("similar");
        String source = dragons.iterator().next();
        Files.write(inbox.resolve("picture.png"), download(server.imageUrl(source)));
        start(file);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(similar.resolve("picture.json")));
        JsonNode hits = JSON.readTree(similar.resolve("picture.json").toFile());
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).get("id").asText()).isEqualTo(source);
    }

    @Test
    void aMissingRequiredPropertyFailsAtStartNamingIt() {
        context = new DefaultCamelContext();
        assertThatThrownBy(() -> {
            // lambdas: the example's Camel Main would pick up RouteBuilder classes of this package
            RouteBuilder.addRoutes(context, routes -> routes.from("direct:no-secret")
                    .to("kamelet:scenario-search-action?apiKey=" + server.getApiKey()));
            context.start();
        }).hasStackTraceContaining("apiSecret");
    }

    @Test
    void aSourceWithNothingToSearchForFailsAtStart() {
        context = new DefaultCamelContext();
        assertThatThrownBy(() -> {
            RouteBuilder.addRoutes(context, routes -> routes
                    .from("kamelet:scenario-search-source?apiKey=k&apiSecret=s&baseUrl=" + server.getBaseUrl())
                    .to("log:never"));
            context.start();
        }).hasStackTraceContaining("query").hasStackTraceContaining("filter");
    }

    private void start(String file) throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties());
        // a log step without a logger of its own takes the registry's only SLF4J logger: this one records at every
        // level, which the example's simplelogger.properties (WARN) would not
        Queue<SubstituteLoggingEvent> events = new ConcurrentLinkedQueue<>();
        context.getRegistry().bind("recordingLogger",
                new EventRecordingLogger(new SubstituteLogger("kamelets-test", events, false), events) {
                    @Override
                    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message,
                                                               Object[] arguments, Throwable throwable) {
                        logged.add(message);
                    }
                });
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSendingEvent sending
                    && sending.getEndpoint().getEndpointUri().startsWith("file:")) {
                    filed.add(Map.copyOf(sending.getExchange().getMessage().getHeaders()));
                }
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:kamelets-usage/" + file));
        context.start();
    }

    private Properties properties() {
        return usageProperties(server, workDir);
    }

    /** The properties the files under kamelets-usage read: the server's, and directories under the work dir. */
    static Properties usageProperties(LocalScenarioServer server, Path workDir) {
        Properties p = new Properties();
        p.setProperty("scenario.api-key", server.getApiKey());
        p.setProperty("scenario.api-secret", server.getApiSecret());
        p.setProperty("scenario.base-url", server.getBaseUrl());
        p.setProperty("feed.dir", workDir.resolve("feed").toString());
        p.setProperty("inbox.dir", workDir.resolve("inbox").toString());
        p.setProperty("similar.dir", workDir.resolve("similar").toString());
        return p;
    }

    private static long totalHits(SearchRequest request) throws Exception {
        try (HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(server.getBaseUrl())
                .credentials(server.getApiKey(), server.getApiSecret()).build()) {
            return client.search(request.setPage(1).setHitsPerPage(1)).getTotalHits();
        }
    }

    private static Set<String> idsMatching(String filter) throws Exception {
        try (HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(server.getBaseUrl())
                .credentials(server.getApiKey(), server.getApiSecret()).build()) {
            SearchPage page = client.search(new SearchRequest().setFilter(filter).setPage(1).setHitsPerPage(100));
            assertThat(page.getTotalPages()).isEqualTo(1);
            Set<String> ids = new TreeSet<>();
            page.getHits().forEach(a -> ids.add(a.getId()));
            return ids;
        }
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<Path> jsonFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private static Set<String> idsOfFiles(Path dir) throws Exception {
        Set<String> ids = new TreeSet<>();
        jsonFiles(dir).forEach(f -> ids.add(f.getFileName().toString().replace(".json", "")));
        return ids;
    }
}
