package io.github.camelscenario.scenario;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static io.github.camelscenario.scenario.CrawlPages.searchPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer's readiness as Camel's health-check registry (Kubernetes probes, actuator) reports it. */
@Timeout(30)
class ScenarioConsumerHealthCheckTest extends ConsumerTestSupport {

    @BeforeEach
    void registerConsumerChecks() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(new ConsumersHealthCheckRepository());
        registry.setExposureLevel("full"); // every check, not only the first when all are UP
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:feed"))
                .findFirst().orElseThrow(() -> new AssertionError("no readiness check for the consumer"));
    }

    private void feed(String uri) throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("feed").to("mock:out");
            }
        });
    }

    private static String error(String message, String code) {
        return "{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}";
    }

    @Test
    void downWithStatusCodeAndPageWhenCredentialsAreRefusedThenUpOnceAPollSucceeds() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(error("Invalid API key", "UNAUTHORIZED"))));
        feed(scenario("query=dragon&hitsPerPage=2&prefetchPages=0&delay=200"));

        await().atMost(5, TimeUnit.SECONDS).until(() -> readiness().getState() == HealthCheck.State.DOWN
                                                        && readiness().getDetails().containsKey("http.response.code"));
        Map<String, Object> details = readiness().getDetails();
        assertThat(details).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .containsEntry(ScenarioConsumerHealthCheck.ERROR_CODE, "UNAUTHORIZED")
                .containsEntry(ScenarioConsumerHealthCheck.FAILED_PAGE, 1);
        assertThat(readiness().getError()).get().asString().contains("401").contains("Invalid API key");

        // the key was fixed: the next poll succeeds, and readiness follows
        wireMock.resetMappings();
        wireMock.stubFor(searchPage(1).willReturn(okJson(page(1, 2, 2, ids("a", 2)))));
        await().atMost(5, TimeUnit.SECONDS).until(() -> readiness().getState() == HealthCheck.State.UP);
        // the failed request and the one that answered: the crawl stayed at page 1 and asked it again
        assertThat(readiness().getDetails()).doesNotContainKey(HealthCheck.HTTP_RESPONSE_CODE)
                .containsEntry(ScenarioConsumerHealthCheck.CRAWL_REQUESTS, 2);
    }

    @Test
    void downWhenTheActionIsForbidden() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error("Plan does not allow search", "FORBIDDEN"))));
        feed(scenario("query=dragon&delay=60000"));

        await().atMost(5, TimeUnit.SECONDS).until(() -> readiness().getState() == HealthCheck.State.DOWN
                                                        && readiness().getDetails().containsKey("http.response.code"));
        assertThat(readiness().getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403)
                .containsEntry(ScenarioConsumerHealthCheck.ERROR_CODE, "FORBIDDEN")
                .containsEntry(ScenarioConsumerHealthCheck.RETRIES, 0L);
    }

    @Test
    void downWithThePageThatStillFailedAfterRetries() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(okJson(page(1, 2, 4, ids("a", 2)))));
        wireMock.stubFor(CrawlPages.step(2).read(2).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody(error("Maintenance", "UNAVAILABLE"))));
        feed(scenario("query=dragon&hitsPerPage=2&prefetchPages=0&maxRetries=2&delay=60000"));

        await().atMost(5, TimeUnit.SECONDS).until(() -> readiness().getState() == HealthCheck.State.DOWN
                                                        && readiness().getDetails().containsKey("scenario.page"));
        assertThat(readiness().getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503)
                .containsEntry(ScenarioConsumerHealthCheck.ERROR_CODE, "UNAVAILABLE")
                .containsEntry(ScenarioConsumerHealthCheck.FAILED_PAGE, 2)
                .containsEntry(ScenarioConsumerHealthCheck.RETRIES, 2L);
    }

    @Test
    void downWhenScenarioCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        feed("scenario:search?baseUrl=http://127.0.0.1:" + closedPort + "/v1&apiKey=k&apiSecret=s&maxRetries=0"
             + "&initialDelay=0&delay=60000&query=dragon");

        await().atMost(5, TimeUnit.SECONDS).until(() -> readiness().getState() == HealthCheck.State.DOWN
                                                        && readiness().getError().isPresent());
        assertThat(readiness().getDetails()).doesNotContainKey(HealthCheck.HTTP_RESPONSE_CODE)
                .containsEntry(ScenarioConsumerHealthCheck.FAILED_PAGE, 1);
        assertThat(readiness().getError()).get().asString().contains("127.0.0.1:" + closedPort);
    }

    @Test
    void theComponentCanTurnConsumerChecksOff() throws Exception {
        wireMock.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(aResponse().withStatus(401)));
        ScenarioComponent component = new ScenarioComponent();
        component.setHealthCheckConsumerEnabled(false);
        context.addComponent("scenario", component);
        feed(scenario("query=dragon&delay=60000"));

        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> ((ScenarioConsumer) context.getRoute("feed").getConsumer()).getPollsFailed() > 0);
        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.CHECK_ENABLED, false);
    }
}
