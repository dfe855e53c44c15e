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

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** allPages: a lazy iterator over every hit, reading a bounded window ahead (or none), and always stopping. */
class ProducerAllPagesTest extends WireMockTestSupport {

    private final CrawlPages pages = CrawlPages.step(2);

    private static List<String> walk(Iterator<Asset> it) {
        List<String> ids = new ArrayList<>();
        it.forEachRemaining(a -> ids.add(a.getId()));
        return ids;
    }

    private List<Integer> pagesAsked() {
        return sentBodies().stream().map(pages::pageOf).toList();
    }

    @Test
    void withoutReadAheadFetchesTheNextPageOnlyWhenConsumed() {
        pages.stubAll(wireMock, ids("a", 5));
        Exchange out = template.request("scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=0", e -> {
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
        assertThat(walk(it)).containsExactly("a4", "a5");
        assertThat(pagesAsked()).containsExactly(1, 2, 3);
    }

    @Test
    void byDefaultReadsTwoPagesAheadBoundedAndStillInOrder() {
        pages.stubAll(wireMock, ids("a", 12));
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&hitsPerPage=2&allPages=true", null,
                Iterator.class);
        // page 1 answered: pages 2 and 3 are asked ahead, and no further while page 1 is not walked
        await().atMost(5, TimeUnit.SECONDS).until(() -> searchRequests().size() == 3);
        assertThat(pagesAsked()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(it.next().getId()).isEqualTo("a1");
        assertThat(searchRequests()).hasSize(3);

        assertThat(walk(it)).containsExactly(ids("a", 2, 12));
        assertThat(pagesAsked()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void closingAPrefetchingIteratorStopsRequesting() throws Exception {
        pages.stubAll(wireMock, ids("a", 100));
        SearchHitIterator it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=3", null, SearchHitIterator.class);
        it.next();
        it.close();
        // closed before its end: it says so rather than pretend it is used up
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
        // at most the first page and the window asked ahead of it: nothing after the close
        assertThat(searchRequests().size()).isLessThanOrEqualTo(4);
    }

    @Test
    void stopsAtTheTotalEvenIfTheServerWouldAnswerMore() {
        pages.stubAll(wireMock, ids("a", 4));
        // any other read would be answered, full
        wireMock.stubFor(search().atPriority(10).willReturn(okJson(pages.answer(3, ids("x", 10)))));
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&hitsPerPage=2&allPages=true", null,
                Iterator.class);
        assertThat(walk(it)).containsExactly(ids("a", 4));
        assertThat(pagesAsked()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void stopsOnAnEmptyPage() {
        wireMock.stubFor(pages.read(1).willReturn(okJson(CrawlPages.pageClaiming(1, 2, 100, 50, "a1", "a2"))));
        wireMock.stubFor(pages.read(2).willReturn(okJson("{\"hits\":[],\"estimatedTotalHits\":100}")));
        Iterator<Asset> it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=0", null, Iterator.class);
        assertThat(walk(it)).containsExactly("a1", "a2");
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void stopsAtMaxResultsWithoutFetchingMore() {
        CrawlPages threes = CrawlPages.step(3);
        threes.stubAll(wireMock, ids("x", 30));
        Iterator<Asset> it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=3&allPages=true&maxResults=7", null, Iterator.class);
        assertThat(walk(it)).containsExactly(ids("x", 7));
        assertThat(searchRequests()).hasSize(3);
    }

    @Test
    void startsAtTheRequestedPageWithTheLargestPageSizeAndTheNewestFirstByDefault() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(4, 96, 289, 4, "last"))));
        Iterator<Asset> it = template.requestBody("scenario:search?query=cat&page=4&allPages=true", null,
                Iterator.class);
        assertThat(walk(it)).containsExactly("last");
        assertThat(lastSentBody())
                .isEqualTo(json("{'query':'cat','page':4,'hitsPerPage':96,'sortBy':['createdAt:desc']}"));
    }

    @Test
    void closingStopsFetching() throws Exception {
        pages.stubAll(wireMock, ids("a", 100));
        SearchHitIterator it = template.requestBody(
                "scenario:search?query=cat&hitsPerPage=2&allPages=true&prefetchPages=0", null, SearchHitIterator.class);
        it.next();
        it.close();
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
        assertThat(searchRequests()).hasSize(1);
    }

    @Test
    void streamingSplitWalksEveryHitOneMessageEach() throws Exception {
        pages.stubAll(wireMock, ids("a", 5));
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
