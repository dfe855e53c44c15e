package io.github.camelscenario.scenario;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelscenario.scenario.client.ScenarioApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route whose error handler redelivers, around a streaming split of an allPages export: the redelivery walks the same
 * iterator again, which goes on with the page that failed. No hit is lost or routed twice, and the exchange never
 * completes as if a failed export were whole.
 */
@Timeout(30)
class ProducerAllPagesRedeliveryTest extends WireMockTestSupport {

    private final CrawlPages pages = CrawlPages.step(10);
    private final String[] ids = CrawlPages.ids("a", 100);

    private Exchange export() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:export")
                        .to("scenario:search?query=cat&hitsPerPage=10&allPages=true&prefetchPages=0&maxRetries=0")
                        .split(body()).streaming()
                        .setHeader("assetId", simple("${body.id}"))
                        .to("mock:hit");
            }
        });
        return template.send("direct:export", e -> {
        });
    }

    private List<Object> routed() {
        return getMockEndpoint("mock:hit").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("assetId")).collect(Collectors.toList());
    }

    @Test
    void aPageThatFailsOnceIsAskedAgainByTheRedeliveryAndEveryHitIsRoutedOnce() throws Exception {
        pages.stubAll(wireMock, ids);
        CrawlPages.failThenAnswer(wireMock, "page5", () -> pages.read(5), 1,
                aResponse().withStatus(503).withBody("{\"message\":\"busy\"}"), okJson(pages.answer(5, ids)));

        Exchange result = export();

        assertThat(result.getException()).isNull();
        assertThat(routed()).containsExactly((Object[]) ids);
    }

    @Test
    void aPageThatKeepsFailingFailsTheExchangeAfterTheRedeliveries() throws Exception {
        pages.stubAll(wireMock, ids);
        wireMock.stubFor(pages.read(5).willReturn(aResponse().withStatus(503).withBody("{\"message\":\"down\"}")));

        Exchange result = export();

        assertThat(result.getException()).isInstanceOf(ScenarioApiException.class).hasMessageContaining("503");
        // the hits before the page, once each; none after it
        assertThat(routed()).containsExactly((Object[]) CrawlPages.ids("a", 40));
        // the first walk and two redeliveries each asked page 5 once
        assertThat(sentBodies().stream().map(pages::pageOf).filter(p -> p == 5)).hasSize(3);
    }
}
