package io.github.camelscenario.scenario;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelscenario.scenario.client.ScenarioApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that fails in the middle of a streaming split: every hit before it is routed (also the last one of the page
 * before), the exchange fails with the page's error, and not one request is sent after it.
 */
@Timeout(30)
class ProducerAllPagesFailureTest extends WireMockTestSupport {

    private final CrawlPages pages = CrawlPages.step(2);

    /** 14 pages of 2 hits, a1..a28; page 5 answers 400 (not retried). */
    private void stubCrawlFailingAtPage5() {
        pages.stubAll(wireMock, CrawlPages.ids("a", 28));
        wireMock.stubFor(pages.read(5).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad page\"}")));
    }

    private Exchange splitWith(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export")
                        .to("scenario:search?query=cat&hitsPerPage=2&allPages=true" + options)
                        .split(body()).streaming()
                        .setHeader("assetId", simple("${body.id}"))
                        .to("mock:hit");
            }
        });
        return template.send("direct:export", e -> {
        });
    }

    private List<Object> routedIds() {
        return getMockEndpoint("mock:hit").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("assetId")).collect(Collectors.toList());
    }

    private List<Integer> pagesAsked() {
        return sentBodies().stream().map(pages::pageOf).collect(Collectors.toList());
    }

    @Test
    void aFailingPageEndsTheCrawlAndTheHitBeforeItIsRouted() throws Exception {
        stubCrawlFailingAtPage5();
        MockEndpoint hit = getMockEndpoint("mock:hit");
        hit.expectedMessageCount(8);

        Exchange result = splitWith("&prefetchPages=0");

        hit.assertIsSatisfied();
        // a8, the last hit of page 4, used to be lost: the splitter asks hasNext() before routing the hit it took
        assertThat(routedIds()).containsExactly((Object[]) CrawlPages.ids("a", 8));
        assertThat(result.getException()).isInstanceOf(ScenarioApiException.class).hasMessageContaining("400");
        // pages 6..14 used to be fetched and thrown away while the splitter released the rest
        assertThat(pagesAsked()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void withPrefetchNothingIsAskedAfterTheFailingPageBeyondTheWindow() throws Exception {
        stubCrawlFailingAtPage5();
        Exchange result = splitWith("&prefetchPages=2");

        assertThat(routedIds()).containsExactly((Object[]) CrawlPages.ids("a", 8));
        assertThat(result.getException()).isInstanceOf(ScenarioApiException.class);
        // the window ahead of page 5 (pages 6 and 7) may have been asked; nothing after
        assertThat(pagesAsked()).containsAll(List.of(1, 2, 3, 4, 5)).allMatch(p -> p <= 7).doesNotHaveDuplicates();
    }

    @Test
    void aFailingFirstPageFailsTheExchangeItselfBeforeTheSplit() throws Exception {
        pages.stubAll(wireMock, CrawlPages.ids("a", 28));
        wireMock.stubFor(pages.read(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad filter\"}")));
        MockEndpoint hit = getMockEndpoint("mock:hit");
        hit.expectedMessageCount(0);

        Exchange result = splitWith("");

        assertThat(result.getException()).isInstanceOf(ScenarioApiException.class).hasMessageContaining("400");
        hit.assertIsSatisfied();
        assertThat(pagesAsked()).containsExactly(1);
    }
}
