package io.github.camelscenario.scenario;

import java.util.Base64;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The producer's readiness comes from the searches it made, as Camel's health-check registry reports it (with
 * {@code camel.health.producersEnabled=true}), and costs no API call.
 */
@Timeout(30)
class ScenarioProducerHealthCheckTest extends ConsumerTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void startProducerRoute() throws Exception {
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true); // what camel.health.producersEnabled=true does
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(producers);
        registry.setExposureLevel("full"); // every check, not only the first when all are UP
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:search").to(scenario("query=dragon&maxRetries=1"));
                // a second route to the same endpoint: a second producer, the same outcomes
                from("direct:again").routeId("again").to(scenario("query=dragon&maxRetries=1"));
            }
        });
        template = context.createProducerTemplate();
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:scenario:"))
                .findFirst().orElseThrow(() -> new AssertionError("no readiness check for the producer"));
    }

    private void stubAnswer(int status, String code) {
        wireMock.resetMappings();
        if (status == 200) {
            wireMock.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH)).willReturn(okJson(page(1, 100, 1, ids("a", 1)))));
        } else {
            wireMock.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":\"no\",\"code\":\"" + code + "\"}")));
        }
    }

    private void search() {
        template.requestBody("direct:search", "");
    }

    @Test
    void upBeforeAnySearchDownAfterA403UpAgainAfterASuccess() {
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness().getDetails()).containsEntry(ScenarioProducerHealthCheck.SEARCHES, 0L);

        stubAnswer(403, "FORBIDDEN");
        assertThatThrownBy(this::search).isInstanceOf(CamelExecutionException.class);
        HealthCheck.Result down = readiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403)
                .containsEntry(ScenarioConsumerHealthCheck.ERROR_CODE, "FORBIDDEN")
                .containsEntry(ScenarioProducerHealthCheck.FAILURES, 1L)
                .containsKey(ScenarioProducerHealthCheck.LAST_FAILURE);
        assertThat(down.getMessage()).get().asString().contains("403");

        stubAnswer(200, null);
        search();
        HealthCheck.Result up = readiness();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry(ScenarioProducerHealthCheck.SEARCHES, 2L)
                .containsKey(ScenarioProducerHealthCheck.LAST_SUCCESS);
    }

    @Test
    void downWhileTheServiceFailsAfterRetriesButNotForABadRequest() {
        stubAnswer(401, "UNAUTHORIZED");
        assertThatThrownBy(this::search).isInstanceOf(CamelExecutionException.class);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);

        stubAnswer(200, null);
        search();
        // a filter the API rejects is that exchange's problem, not the service's
        stubAnswer(400, "BAD_FILTER");
        assertThatThrownBy(this::search).isInstanceOf(CamelExecutionException.class);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);

        stubAnswer(503, "UNAVAILABLE");
        assertThatThrownBy(this::search).isInstanceOf(CamelExecutionException.class);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(readiness().getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503);
    }

    @Test
    void oneCheckPerEndpointWhateverTheNumberOfProducers() throws Exception {
        assertThat(producerChecks()).hasSize(1);
        context.getRouteController().stopRoute("again");
        assertThat(producerChecks()).hasSize(1);
    }

    private List<HealthCheck.Result> producerChecks() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:scenario:")).toList();
    }

    /** What a person wrote, never a secret, the same on every start; unique per endpoint. */
    @Test
    void theIdIsTheEndpointUriWithItsSecretsMasked() throws Exception {
        String id = readiness().getCheck().getId();
        assertThat(id).startsWith("producer:scenario://search?").contains("query=dragon")
                .contains("apiSecret=xxxxxx").doesNotContain("apiSecret=s&");
        assertThat(id).isEqualTo("producer:" + URISupport.sanitizeUri(scenarioEndpoint("query=dragon&maxRetries=1")));

        // two endpoints that differ only by a masked secret; a data URL does not make a 7 MB id
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.encode("png"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:other-key").to(scenario("query=dragon&maxRetries=1").replace("apiKey=k", "apiKey=k2"));
                from("direct:image").to(scenario("maxRetries=1&image=RAW(" + image + ")"));
            }
        });
        List<String> ids = producerChecks().stream().map(r -> r.getCheck().getId()).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().contains(id, id + "#2");
        assertThat(ids).filteredOn(i -> i.contains("image=")).singleElement().asString()
                .hasSizeLessThan(ScenarioProducerHealthCheck.MAX_ID_LENGTH + 20).contains("...#");
    }

    private String scenarioEndpoint(String options) {
        return context.getEndpoint(scenario(options)).getEndpointUri();
    }

    @Test
    void checkingSendsNoRequest() {
        stubAnswer(200, null);
        search();
        int before = wireMock.findAll(postRequestedFor(urlPathEqualTo(CrawlPages.SEARCH_PATH))).size();
        for (int i = 0; i < 5; i++) {
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        }
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(CrawlPages.SEARCH_PATH)))).hasSize(before);
    }
}
