package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelscenario.scenario.CrawlPages.ids;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static io.github.camelscenario.scenario.CrawlPages.searchPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ScenarioConsumerCrawlTest extends ConsumerTestSupport {

    @Test
    void multiPageCrawlDeliversEveryHitOnceInOrderWithBatchProperties() throws Exception {
        CrawlPages pages = CrawlPages.step(5);
        pages.stubAll(wireMock, ids("a", 12));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=5")).to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMessageCount(12);
        out.assertIsSatisfied(5000);

        List<Exchange> received = out.getReceivedExchanges();
        assertThat(assetIds(received)).containsExactly(ids("a", 12));
        for (int i = 0; i < 12; i++) {
            Exchange e = received.get(i);
            assertThat(e.getMessage().getBody()).isInstanceOf(Asset.class);
            assertThat(e.getMessage().getBody(Asset.class).getId()).isEqualTo("a" + (i + 1));
            assertThat(e.getMessage().getHeader(ScenarioConstants.RESULT_PAGE)).isEqualTo(i / 5 + 1);
            assertThat(e.getMessage().getHeader(ScenarioConstants.TOTAL_HITS)).isEqualTo(12L);
        }
        // one batch per read, its size exact on every exchange
        assertThat(batchSizes(received)).containsExactly(5, 5, 2);
        // the default delay is a minute: one crawl, each page asked once
        assertThat(requestedPages(pages)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(context.getEndpoint(scenario("query=dragon&hitsPerPage=5"), ScenarioEndpoint.class).getDelay())
                .isEqualTo(ScenarioEndpoint.DEFAULT_CONSUMER_DELAY);
    }

    @Test
    void maxMessagesPerPollSplitsACrawlWithoutLossOrRepeat() throws Exception {
        CrawlPages pages = CrawlPages.step(5);
        pages.stubAll(wireMock, ids("a", 12));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=5&maxMessagesPerPoll=4&delay=20")).to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMinimumMessageCount(13);
        out.assertIsSatisfied(5000);

        // a snapshot: polls every 20 ms keep adding exchanges, which would invalidate views of the live list
        List<Exchange> received = List.copyOf(out.getReceivedExchanges());
        // three polls of 4 walk the crawl once; the poll after a complete crawl starts a new one at page 1
        assertThat(assetIds(received.subList(0, 12))).containsExactly(ids("a", 12));
        assertThat(received.get(12).getMessage().getHeader(ScenarioConstants.ASSET_ID)).isEqualTo("a1");
        // a batch is what one poll sends of one read: [a1-a4] | [a5] [a6-a8] | [a9 a10] [a11 a12]
        assertThat(batchSizes(received.subList(0, 12))).containsExactly(4, 1, 3, 2, 2);
        // the second poll did not ask page 1 again: it went on from hit 5 (page 1, index 4)
        List<Integer> asked = requestedPages(pages);
        assertThat(asked.subList(0, 3)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(asked.get(3)).isEqualTo(1);
    }

    @Test
    void hitsThatMoveBetweenPagesAreEmittedOnce() throws Exception {
        // a new asset landed in front of a1..a3 between the two reads: the second read finds a3 one place later
        CrawlPages pages = CrawlPages.step(3);
        wireMock.stubFor(pages.read(1).willReturn(okJson(pages.answer(1, "a1", "a2", "a3", "a4", "a5"))));
        wireMock.stubFor(pages.read(2).willReturn(okJson(pages.answer(2, "new", "a1", "a2", "a3", "a4", "a5"))));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=3")).to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMessageCount(5);
        out.assertIsSatisfied(5000);
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly("a1", "a2", "a3", "a4", "a5");
        // the second read's batch holds only what it brought that was not handed out
        assertThat(batchSizes(out.getReceivedExchanges())).containsExactly(3, 2);
    }

    @Test
    void aFailingPageFailsThePollAndTheNextPollResumesAtThatPage() throws Exception {
        CrawlPages pages = CrawlPages.step(3);
        pages.stubAll(wireMock, ids("a", 15));
        // page 3: two 503s (the first try and the client's one retry), then the page
        CrawlPages.failThenAnswer(wireMock, "page3", () -> pages.read(3), 2,
                aResponse().withStatus(503).withBody("{\"message\":\"busy\"}"),
                okJson(pages.answer(3, ids("a", 15))));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from(scenario("query=dragon&hitsPerPage=3&maxRetries=1&delay=50&bridgeErrorHandler=true"))
                        .routeId("crawl").to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMinimumMessageCount(15);
        MockEndpoint errors = mock("errors");
        errors.expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(5, TimeUnit.SECONDS, out, errors);

        assertThat(assetIds(List.copyOf(out.getReceivedExchanges()).subList(0, 15))).containsExactly(ids("a", 15));
        Exception failure = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(failure).hasMessageContaining("HTTP 503").hasMessageContaining("busy");
        // the first poll ended with a6, complete; the second began at page 3
        Exchange a6 = out.getReceivedExchanges().get(5);
        assertThat(a6.getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(true);
        assertThat(out.getReceivedExchanges().get(6).getProperty(ExchangePropertyKey.BATCH_INDEX)).isEqualTo(0);
        // pages 1 and 2 were not asked again before the crawl was over
        List<Integer> asked = requestedPages(pages);
        int secondCrawl = asked.subList(1, asked.size()).indexOf(1);
        int firstCrawl = secondCrawl < 0 ? asked.size() : secondCrawl + 1;
        assertThat(asked.subList(0, firstCrawl)).filteredOn(p -> p == 1).hasSize(1);
        assertThat(asked.subList(0, firstCrawl)).filteredOn(p -> p == 2).hasSize(1);
        assertThat(asked.subList(0, firstCrawl)).filteredOn(p -> p == 3).hasSize(3);
    }

    @Test
    void failedPollsAreCountedForTheHealthCheckUntilAPollSucceeds() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=3&delay=20")).routeId("crawl").to("mock:out");
            }
        });
        ScenarioConsumer consumer = (ScenarioConsumer) context.getRoute("crawl").getConsumer();
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getErrorCounter() >= 2);
        assertThat(mock("out").getReceivedCounter()).isZero();

        CrawlPages.step(3).stubAll(wireMock, ids("a", 3));
        MockEndpoint out = mock("out");
        out.expectedMinimumMessageCount(3);
        out.assertIsSatisfied(5000);
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getErrorCounter() == 0);
        assertThat(consumer.getSuccessCounter()).isPositive();
    }

    @Test
    void aServerWithoutTotalsIsStoppedByMaxResults() throws Exception {
        // a server that never ends: every read is full, and no answer tells a total
        List<String> all = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            all.addAll(Arrays.asList(ids("p" + p + "-", 10)));
        }
        CrawlPages pages = CrawlPages.step(10);
        for (int p = 1; p <= 4; p++) {
            wireMock.stubFor(pages.read(p).willReturn(okJson(pages.answerWithoutTotals(p, all.toArray(new String[0])))));
        }
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=10&maxResults=25")).to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMessageCount(25);
        out.assertIsSatisfied(5000);
        List<String> expected = new ArrayList<>(Arrays.asList(ids("p1-", 10)));
        expected.addAll(Arrays.asList(ids("p2-", 10)));
        expected.addAll(Arrays.asList(ids("p3-", 5)));
        assertThat(assetIds(out.getReceivedExchanges())).containsExactlyElementsOf(expected);
        assertThat(requestedPages(pages)).containsExactly(1, 2, 3);
    }

    @Test
    void anEmptyFirstPageSendsAnEmptyMessageWhenAsked() throws Exception {
        wireMock.stubFor(searchPage(1).willReturn(okJson(page(1, 10, 0))));
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=nothing&sendEmptyMessageWhenIdle=true")).to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        out.expectedMessageCount(1);
        out.assertIsSatisfied(5000);
        assertThat(out.getReceivedExchanges().get(0).getMessage().getBody()).isNull();
        assertThat(out.getReceivedExchanges().get(0).getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(true);
    }

    @Test
    void aConsumerWithoutSearchOptionsFailsAtStartNamingTheOptions() {
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("hitsPerPage=10")).to("mock:out");
            }
        })).isInstanceOf(FailedToStartRouteException.class)
                .rootCause()
                .hasMessageContaining("endpoint options only")
                .hasMessageContaining("Nothing to search for: set at least one of query, filter, image, imagesLike or "
                                      + "imagesUnlike");
    }
}
