package io.github.camelscenario.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** The API secret appears in no log line, exception, toString or endpoint URI shown to users. */
class SecretsTest extends WireMockTestSupport {

    private static final String BASIC = Base64.getEncoder()
            .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));

    @Test
    void secretIsInNoLogLineNorException() throws Exception {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(503).withBody("{\"message\":\"down\"}")));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Exchange out;
        try {
            // our loggers run at DEBUG in tests (simplelogger.properties), so everything we could log is here
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            out = template.send("scenario:search?query=cat&maxRetries=2", e -> {
            });
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("retrying in"); // we did log, and the retries were seen
        assertThat(logs).doesNotContain(API_SECRET).doesNotContain(BASIC);
        assertThat(out.getException()).isNotNull();
        assertThat(stackTraceOf(out.getException())).doesNotContain(API_SECRET).doesNotContain(BASIC);
    }

    @Test
    void secretInUriIsMaskedWhereCamelShowsIt() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:leak").routeId("leak")
                        .to("scenario:search?query=cat&apiKey=other-key&apiSecret=RAW(uri-Secret-99)");
            }
        });
        ScenarioEndpoint endpoint = context.getEndpoints().stream().filter(ScenarioEndpoint.class::isInstance)
                .map(ScenarioEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getApiSecret()).isEqualTo("uri-Secret-99");
        assertThat(endpoint.toString()).doesNotContain("uri-Secret-99").doesNotContain("other-key");
        assertThat(context.getRoute("leak").getEndpoint().toString()).doesNotContain("uri-Secret-99");
        assertThat(context.getRoute("leak").toString()).doesNotContain("uri-Secret-99");
    }

    @Test
    void toStringsNeverShowCredentials() {
        ScenarioComponent component = context.getComponent("scenario", ScenarioComponent.class);
        assertThat(component.getConfiguration().toString()).doesNotContain(API_SECRET).doesNotContain(API_KEY);
        HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(baseUrl()).credentials(API_KEY, API_SECRET)
                .build();
        assertThat(client.toString()).doesNotContain(API_SECRET).doesNotContain(API_KEY).contains("****");
    }

    private static String stackTraceOf(Throwable t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
