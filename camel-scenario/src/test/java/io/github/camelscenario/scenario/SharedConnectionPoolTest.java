package io.github.camelscenario.scenario;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP client and pool per set of transport options, shared by the component's endpoints: toD with many distinct
 * URIs builds one, credentials and baseUrl stay per endpoint, and the pool closes with its last endpoint.
 */
@Timeout(60)
class SharedConnectionPoolTest extends WireMockTestSupport {

    private final AtomicInteger clientsBuilt = new AtomicInteger();

    private ScenarioComponent scenario() {
        return context.getComponent("scenario", ScenarioComponent.class);
    }

    private void countClientsBuilt() {
        // a configurer is called once for each HttpClient built: it counts them
        HttpClientConfigurer counting = builder -> clientsBuilt.incrementAndGet();
        scenario().getConfiguration().setHttpClientConfigurer(counting);
    }

    @Test
    void manyDistinctToDUrisShareOneClientAndPool() throws Exception {
        countClientsBuilt();
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 20, 1, "a"))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:search").toD("scenario:search?query=${body}");
            }
        });
        for (int i = 0; i < 30; i++) {
            template.requestBody("direct:search", "cat" + i, List.class);
        }
        assertThat(searchRequests()).hasSize(30);
        assertThat(clientsBuilt).as("HttpClients built for 30 distinct URIs").hasValue(1);
        assertThat(scenario().getHttpTransports().built()).isEqualTo(1);
        assertThat(scenario().getHttpTransports().open()).isEqualTo(1);
        // each endpoint added its share: the pool allows what 30 pools of their own did
        assertThat(scenario().getHttpTransports().maxConnections(
                SharedHttpTransports.Key.of(scenario().getConfiguration()))).isEqualTo(30 * 20);
    }

    @Test
    void credentialsAndBaseUrlStayPerEndpointOnASharedPool() {
        countClientsBuilt();
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 20, 1, "a"))));
        template.requestBody("scenario:search?query=cat", null, List.class);
        template.requestBody("scenario:search?query=dog&apiKey=other-key&apiSecret=other-secret"
                             + "&baseUrl=http://localhost:" + wireMock.port() + "/v1", null, List.class);
        assertThat(clientsBuilt).hasValue(1);
        assertThat(searchRequests()).hasSize(2);
        assertThat(searchRequests().get(0).getHeader("Authorization"))
                .isNotEqualTo(searchRequests().get(1).getHeader("Authorization"));
        assertThat(searchRequests().get(1).getHeader("Host")).startsWith("localhost");
    }

    @Test
    void differentTransportOptionsGetTheirOwnPool() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 20, 1, "a"))));
        template.requestBody("scenario:search?query=cat", null, List.class);
        template.requestBody("scenario:search?query=dog", null, List.class);
        template.requestBody("scenario:search?query=cat&responseTimeout=5000", null, List.class);
        template.requestBody("scenario:search?query=cat&connectionRequestTimeout=5000", null, List.class);
        assertThat(scenario().getHttpTransports().built()).isEqualTo(3);
    }

    @Test
    void poolClosesWhenItsLastEndpointStops() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 20, 1, "a"))));
        ScenarioEndpoint cat = context.getEndpoint("scenario:search?query=cat", ScenarioEndpoint.class);
        ScenarioEndpoint dog = context.getEndpoint("scenario:search?query=dog", ScenarioEndpoint.class);
        template.requestBody(cat, null, List.class);
        template.requestBody(dog, null, List.class);
        assertThat(scenario().getHttpTransports().open()).isEqualTo(1);

        cat.stop();
        assertThat(scenario().getHttpTransports().open()).as("still used by the other endpoint").isEqualTo(1);
        assertThat(template.requestBody(dog, null, List.class)).hasSize(1);

        dog.stop();
        assertThat(scenario().getHttpTransports().open()).isZero();
        // a restarted endpoint takes a new hold
        dog.start();
        assertThat(template.requestBody(dog, null, List.class)).hasSize(1);
        assertThat(scenario().getHttpTransports().open()).isEqualTo(1);
    }

    @Test
    void componentStopClosesEveryPool() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.page(1, 20, 1, "a"))));
        template.requestBody("scenario:search?query=cat", null, List.class);
        template.requestBody("scenario:search?query=cat&responseTimeout=5000", null, List.class);
        ScenarioComponent component = scenario();
        assertThat(component.getHttpTransports().open()).isEqualTo(2);
        context.stop();
        assertThat(component.getHttpTransports().open()).isZero();
    }
}
