package io.github.camelscenario.scenario;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static org.assertj.core.api.Assertions.assertThat;

/** What one Scenario step answered never steers the next Scenario step on the same exchange. */
@Timeout(30)
class ResultHeadersChainTest extends ConsumerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every page of the search {@code query}, ids {@code query1..}, served by the request's query and page. */
    private void stubSearch(String query, int totalHits, int hitsPerPage) {
        CrawlPages pages = CrawlPages.step(hitsPerPage);
        String[] all = ids(query, totalHits);
        int count = (totalHits + hitsPerPage - 1) / hitsPerPage;
        for (int p = 1; p <= count; p++) {
            wireMock.stubFor(pages.read(p).withRequestBody(matchingJsonPath("$.query", equalTo(query)))
                    .willReturn(okJson(pages.answer(p, all))));
        }
    }

    private List<JsonNode> bodiesFor(String query) {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(CrawlPages.SEARCH_PATH))).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.getBodyAsString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(b -> query.equals(b.path("query").asText()))
                .toList();
    }

    @Test
    void aConsumerHitFromPageThreeStillExportsAnAllPagesSearchFromPageOne() throws Exception {
        stubSearch("feed", 6, 2);
        stubSearch("export", 4, 2);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=feed&hitsPerPage=2&delay=60000")).routeId("feed")
                        // the hit in the body is not a search: the next search comes from its options
                        .setBody(constant((Object) null))
                        .to(scenario("query=export&hitsPerPage=2&allPages=true"))
                        .split(body()).streaming()
                            .to("mock:exported");
            }
        });
        MockEndpoint exported = mock("exported");
        // six feed hits (pages 1..3), each exporting every hit of the other search
        exported.expectedMessageCount(6 * 4);
        exported.assertIsSatisfied(10_000);

        List<JsonNode> exports = bodiesFor("export");
        // each export is a whole crawl from page 1, whatever page the feed hit came from
        CrawlPages pages = CrawlPages.step(2);
        assertThat(exports).extracting(pages::pageOf).containsOnly(1, 2);
        assertThat(exports.stream().filter(b -> pages.pageOf(b) == 1)).hasSize(6);
        assertThat(exported.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(Asset.class).getId())
                .containsSequence("export1", "export2", "export3", "export4");
    }

    @Test
    void aSecondProducerDoesNotReuseTheFirstSearchPaging() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH))
                .withRequestBody(matchingJsonPath("$.query", equalTo("first")))
                .willReturn(okJson(page(3, 5, 30, ids("first", 11, 15)))));
        // answers whatever paging it is asked for (the old bug asked for page 3 of 5 hits)
        wireMock.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH))
                .withRequestBody(matchingJsonPath("$.query", equalTo("second")))
                .willReturn(okJson(page(1, 20, 3, ids("second", 3)))));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chain")
                        .to(scenario("query=first&page=3&hitsPerPage=5"))
                        .setBody(constant((Object) null))
                        .to(scenario("query=second"))
                        .to("mock:out");
            }
        });
        context.createProducerTemplate().sendBody("direct:chain", null);
        MockEndpoint out = mock("out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);

        JsonNode second = bodiesFor("second").get(0);
        assertThat(second.has("page")).as("page sent to the second search: %s", second).isFalse();
        assertThat(second.has("hitsPerPage")).as("hitsPerPage sent to the second search: %s", second).isFalse();
        // the exchange carries what the second search answered
        assertThat(out.getReceivedExchanges().get(0).getMessage().getHeader(ScenarioConstants.RESULT_PAGE))
                .isEqualTo(1);
    }
}
