package io.github.camelscenario.scenario;

import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readiness, as Camel's health-check registry (Kubernetes probes, actuator) reports it. */
@Timeout(30)
class ScenarioConsumerReadinessTest extends ConsumerTestSupport {

    private HealthCheck.State readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:feed"))
                .findFirst().orElseThrow(() -> new AssertionError("no readiness check for the consumer"))
                .getState();
    }

    @Test
    void readyOnceTheFirstPageAnsweredWhileTheFirstCrawlStillRuns() throws Exception {
        CrawlPages pages = CrawlPages.step(2);
        pages.stubAll(wireMock, ids("a", 6));
        // the rest of the first crawl is slow: the first poll lasts seconds
        wireMock.stubFor(pages.read(2).willReturn(okJson(pages.answer(2, ids("a", 6))).withFixedDelay(3000)));
        wireMock.stubFor(pages.read(3).willReturn(okJson(pages.answer(3, ids("a", 6))).withFixedDelay(3000)));
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(new ConsumersHealthCheckRepository());
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&prefetchPages=0&delay=60000")).routeId("feed")
                        .to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMinimumMessageCount(1);
        out.assertIsSatisfied(5000);

        ScenarioConsumer consumer = (ScenarioConsumer) context.getRoute("feed").getConsumer();
        assertThat(consumer.isPolling()).as("still in the first poll").isTrue();
        await().atMost(2, TimeUnit.SECONDS).until(() -> readiness() == HealthCheck.State.UP);
        assertThat(consumer.isPolling()).as("still in the first poll").isTrue();
    }
}
