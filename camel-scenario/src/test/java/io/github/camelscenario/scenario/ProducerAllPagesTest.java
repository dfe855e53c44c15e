package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.SearchHitIterator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** allPages: a lazy iterator that fetches page N+1 only when page N is used up, and always stops. */
class ProducerAllPagesTest extends WireMockTestSupport {

    private void stubPage(int page, int hitsPerPage, long totalHits, int totalPages, String... ids) {
        wireMock.stubFor(search().withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))))
                .willReturn(okJson(CrawlPages.pageClaiming(page, hitsPerPage, totalHits, totalPages, ids))));
    }

    private static List<String> ids(Iterator<Asset> it) {
        List<String> ids = new ArrayList<>();
        it.forEachRemaining(a -> ids.add(a.getId()));
        return ids;
    }

    @Test
    void byDefaultFetchesTheNextPageOnlyWhenConsumed() {
        stubPage(1, 2, 5, 3, "a1", "a2");
        stubPage(2, 2, 5, 3, "a3", "a4");
        stubPage(3, 2, 5, 3, "a5");
        Exchange out = template.request("scenario:search?query=cat&hitsPerPage=2&allPages=true", e -> {
        });
        @SuppressWarnings("unchecked")
        Iterator<Asset> it = out.getMessage().getBody(Iterator.class);
        assertThat(it).isInstanceOf(SearchHitIterator.class).isInstanceOf(AutoCloseable.class);
        // the first page is fetched eagerly, for the headers and to fail fast
        assertThat(searchRequests()).hasSize(1);
        assertThat(out.getMessage().getHeader(ScenarioConstants.TOTAL_HITS)).isEqualTo(5L);

        assertThat(it.next().getId()).isEqualTo("a1");
        assertThat(it.next().getId()).isEqualTo("a2");
        assertThat(searchRequests()).hasSize(1);
        assertThat(it.next().getId()).isEqualTo("a3");
        assertThat(searchRequests()).hasSize(2);
        assertThat(ids(it)).containsExactly("a4", "a5");
        assertThat(sentBodies()).extracting(b -> b.get("page").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void withPrefetchPagesReadsAheadBoundedAndStillInOrder() {
        for (int p = 1; p <= 6; p++) {
            stubPage(p, 2, 12, 6, "p" + p + "a", "p" + p + "b");
        }
        Iterator<Asset> it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=2", null, Iterator.class);
        // page 1 answered: pages 2 and 3 are asked ahead, and no further while page 1 is not walked
        await().atMost(5, TimeUnit.SECONDS).until(() -> searchRequests().size() == 3);
        assertThat(sentBodies()).extracting(b -> b.get("page").asInt()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(it.next().getId()).isEqualTo("p1a");
        assertThat(searchRequests()).hasSize(3);

        assertThat(ids(it)).containsExactly("p1b", "p2a", "p2b", "p3a", "p3b", "p4a", "p4b", "p5a", "p5b", "p6a", "p6b");
        assertThat(sentBodies()).extracting(b -> b.get("page").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void closingAPrefetchingIteratorStopsRequesting() throws Exception {
        for (int p = 1; p <= 50; p++) {
            stubPage(p, 2, 100, 50, "p" + p + "a", "p" + p + "b");
        }
        SearchHitIterator it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=3", null, SearchHitIterator.class);
        it.next();
        it.close();
        assertThat(it.hasNext()).isFalse();
        // at most the first page and the window asked ahead of it: nothing after the close
        assertThat(searchRequests().size()).isLessThanOrEqualTo(4);
    }

    @Test
    void stopsAtTotalPagesEvenIfTheServerWouldAnswerMore() {
        // a misbehaving server: every page is full, but it said there are 2 pages
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 2, 4, 2, "x", "y"))));
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&hitsPerPage=2&allPages=true", null,
                Iterator.class);
        assertThat(ids(it)).hasSize(4);
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void stopsOnAnEmptyPage() {
        stubPage(1, 2, 100, 50, "a1", "a2");
        stubPage(2, 2, 100, 50);
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&hitsPerPage=2&allPages=true", null,
                Iterator.class);
        assertThat(ids(it)).containsExactly("a1", "a2");
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void stopsAtMaxResultsWithoutFetchingMore() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 3, 1_000_000, 333_334, "x", "y", "z"))));
        Iterator<Asset> it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=3&allPages=true&maxResults=7", null, Iterator.class);
        assertThat(ids(it)).hasSize(7);
        assertThat(searchRequests()).hasSize(3);
    }

    @Test
    void startsAtTheRequestedPageWithAFullPageSizeByDefault() {
        stubPage(4, 100, 301, 4, "last");
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&page=4&allPages=true", null,
                Iterator.class);
        assertThat(ids(it)).containsExactly("last");
        assertThat(lastSentBody()).isEqualTo(json("{'query':'cat','page':4,'hitsPerPage':100}"));
    }

    @Test
    void closingStopsFetching() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 2, 100, 50, "x", "y"))));
        SearchHitIterator it = template.requestBody("scenario:search?query=cat&hitsPerPage=2&allPages=true", null,
                SearchHitIterator.class);
        it.next();
        it.close();
        assertThat(it.hasNext()).isFalse();
        assertThat(searchRequests()).hasSize(1);
    }

    @Test
    void streamingSplitWalksEveryHitOneMessageEach() throws Exception {
        stubPage(1, 2, 5, 3, "a1", "a2");
        stubPage(2, 2, 5, 3, "a3", "a4");
        stubPage(3, 2, 5, 3, "a5");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:crawl").to("scenario:search?query=cat&hitsPerPage=2&allPages=true")
                        .split(body()).streaming()
                        .setHeader("assetId", simple("${body.id}"))
                        .convertBodyTo(String.class)
                        .to("mock:hit");
            }
        });
        MockEndpoint hit = getMockEndpoint("mock:hit");
        hit.expectedHeaderValuesReceivedInAnyOrder("assetId", "a1", "a2", "a3", "a4", "a5");
        hit.expectedMessageCount(5);
        template.sendBody("direct:crawl", null);
        hit.assertIsSatisfied();
        assertThat(hit.getExchanges().get(0).getMessage().getBody(String.class)).startsWith("{\"id\":\"a1\"");
    }
}
