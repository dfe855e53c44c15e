package io.github.camelscenario.scenario;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hits without an id: without onlyNew emitted once a crawl like any other hit; onlyNew cannot remember them across
 * crawls and skips them.
 */
@Timeout(30)
class ScenarioConsumerHitsWithoutIdTest extends ConsumerTestSupport {

    /** One page: two hits without an id (urls u1, u3) around two with one (ids a2, a4). */
    private void stubMixedPage() {
        String hits = "{\"url\":\"u1\"},{\"id\":\"a2\",\"url\":\"u2\"},{\"url\":\"u3\"},{\"id\":\"a4\",\"url\":\"u4\"}";
        wireMock.stubFor(CrawlPages.searchPage(1).willReturn(okJson(
                "{\"hits\":[" + hits + "],\"page\":1,\"hitsPerPage\":10,\"totalHits\":4,\"totalPages\":1}")));
    }

    private static List<String> urls(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(Asset.class).getUrl()).toList();
    }

    @Test
    void withoutOnlyNewAHitWithoutAnIdIsEmittedOnceACrawlLikeAnyOther() throws Exception {
        stubMixedPage();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).to("mock:failed");
                // two polls, two crawls
                from(scenario("query=dragon&hitsPerPage=10&delay=50&repeatCount=2"))
                        .process(e -> {
                            String url = e.getMessage().getBody(Asset.class).getUrl();
                            if ("u3".equals(url) && failedOnce.add(url)) {
                                throw new IllegalStateException("downstream is down");
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMessageCount(7);
        out.setAssertPeriod(500);
        out.assertIsSatisfied(5000);
        // the first crawl: u3 fails; the second emits every hit again, u3 with them
        assertThat(urls(out)).containsExactly("u1", "u2", "u4", "u1", "u2", "u3", "u4");
        assertThat(urls(mock("failed"))).containsExactly("u3");
        assertThat(out.getReceivedExchanges().get(0).getMessage().getHeaders())
                .doesNotContainKey(ScenarioConstants.ASSET_ID);
    }

    @Test
    void onlyNewSkipsHitsWithoutAnId() throws Exception {
        stubMixedPage();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=10&delay=20&onlyNew=true")).to("mock:out");
            }
        });
        ScenarioConsumer consumer = (ScenarioConsumer) context.getRoutes().get(0).getConsumer();
        // several crawls: the two assets with an id once, the others never
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getCounter() >= 3);
        assertThat(urls(mock("out"))).containsExactly("u2", "u4");
    }
}
