package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** A route and a ConsumerTemplate on the same URI share its endpoint, never its crawl. */
@Timeout(30)
class ScenarioConsumerOwnershipTest extends ConsumerTestSupport {

    @Test
    void aTemplateReceivingFromTheRouteUriWalksItsOwnCrawl() throws Exception {
        CrawlPages.step(10).stubAll(wireMock, ids("a", 100), 5);
        // a short delay: a template's consumer is suspended after each receive and goes on at its next poll
        String uri = scenario("query=dragon&hitsPerPage=10&delay=20");
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("feed")
                        // slow enough that the template's receives happen while the route walks its crawl
                        .delay(2).syncDelayed()
                        .to("mock:route");
            }
        });
        MockEndpoint route = mock("route");
        route.expectedMinimumMessageCount(100);

        List<String> received = new ArrayList<>();
        try (ConsumerTemplate consumer = context.createConsumerTemplate()) {
            for (int i = 0; i < 30; i++) {
                Asset hit = consumer.receiveBody(uri, 5000, Asset.class);
                assertThat(hit).as("receive %d", i).isNotNull();
                received.add(hit.getId());
            }
        }
        route.assertIsSatisfied(20_000);

        // each walked the search from its first hit, in order, none lost to the other
        assertThat(assetIds(route.getReceivedExchanges()).subList(0, 100)).containsExactly(ids("a", 100));
        assertThat(received).containsExactly(ids("a", 30));
    }
}
