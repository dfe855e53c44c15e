package io.github.camelscenario.scenario;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.failThenAnswer;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static io.github.camelscenario.scenario.CrawlPages.searchPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code scenario} dev console, found by id the way Camel's console registry finds it, read as JSON and text. */
@Timeout(30)
class ScenarioConsoleTest extends ConsumerTestSupport {

    private static final String SECRET = "console-S3cret-never-shown";
    private static final String KEY = "console-key-never-shown";

    @Override
    protected String scenario(String options) {
        return "scenario:search?baseUrl=http://127.0.0.1:" + wireMock.port() + "/v1&apiKey=" + KEY + "&apiSecret="
               + SECRET + "&retryInitialDelay=10&retryMaxDelay=50&initialDelay=0&" + options;
    }

    private DevConsole console() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("scenario");
        assertThat(console).as("dev console 'scenario' is discovered").isNotNull();
        return console;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> consumerJson() {
        Map<String, Object> json = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        assertThat(endpoints).hasSize(1);
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) endpoints.get(0).get("consumers");
        assertThat(consumers).hasSize(1);
        return consumers.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsEachEndpointAndWhereItsCrawlStandsNeverASecret() throws Exception {
        // page 1 is rate limited once (the client retries it); page 2 answers 500 to the first try and the 3 retries
        failThenAnswer(wireMock, "p1", () -> searchPage(1), 1, aResponse().withStatus(429),
                okJson(page(1, 2, 6, ids("a", 1, 2))));
        wireMock.stubFor(CrawlPages.step(2).read(2).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"boom\",\"code\":\"INTERNAL\"}")));
        context.getRegistry().bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(100));
        HealthCheckRegistry.get(context).register(new ConsumersHealthCheckRepository());
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&prefetchPages=0&onlyNew=true&idempotentRepository=#seen"
                              + "&delay=60000"))
                        .routeId("feed").to("mock:out");
            }
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumerJson().containsKey("lastError"));

        Map<String, Object> json = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
        Map<String, Object> endpoint = ((List<Map<String, Object>>) json.get("endpoints")).get(0);
        assertThat(endpoint).containsEntry("serviceUrl", "http://127.0.0.1:" + wireMock.port() + "/v1");
        assertThat((Map<String, Object>) endpoint.get("options")).containsEntry("query", "dragon")
                .containsEntry("hitsPerPage", 2).containsEntry("onlyNew", true).containsEntry("credentials", "set");

        Map<String, Object> consumer = consumerJson();
        assertThat(consumer).containsEntry("routeId", "feed").containsEntry("page", 2).containsEntry("offset", 2L)
                .containsEntry("exchangesSent", 2L).containsEntry("pageRequests", 2).containsEntry("retries", 4L)
                .containsEntry("rateLimited", 1L).containsEntry("pollsFailed", 1L)
                .containsEntry("idempotentRepository", MemoryIdempotentRepository.class.getName())
                .containsEntry("idempotentRepositorySize", 2L);
        Map<String, Object> lastError = (Map<String, Object>) consumer.get("lastError");
        assertThat(lastError).containsEntry("status", 500).containsEntry("errorCode", "INTERNAL")
                .containsEntry("page", 2).containsKey("time");

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("scenario://search").contains("page 2, offset 2").contains("retries 4, 429s 1")
                .contains("(HTTP 500) [INTERNAL] page 2");
        assertThat(text + json).doesNotContain(SECRET).doesNotContain(KEY);

        // the readiness check, DOWN with its details and error, shows no credential either
        String health = HealthCheckHelper.invokeReadiness(context).stream()
                .map(r -> r.getState() + " " + r.getDetails() + " " + r.getMessage() + " " + r.getError())
                .toList().toString();
        assertThat(health).contains("DOWN").contains("scenario.error.code=INTERNAL")
                .doesNotContain(SECRET).doesNotContain(KEY);
    }

    @Test
    void anImageGivenAsADataUrlIsShortened() throws Exception {
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(okJson(page(1, 100, 0))));
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.encode("png"));
        context.getEndpoint(scenario("image=RAW(" + dataUrl + ")"));
        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("image=data:image/png;base64,").contains("chars)");
        assertThat(text).doesNotContain(dataUrl);
    }
}
