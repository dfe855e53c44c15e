package io.github.camelscenario.scenario;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A feed's catch-up crawl stops where an earlier crawl was walked to its end, never merely at assets already delivered:
 * a crawl cut short (a stop, a node dying) leaves older assets undelivered below the newest ones.
 */
@Timeout(30)
class ScenarioConsumerCatchUpTest extends ConsumerTestSupport {

    private static final CrawlPages PAGES = CrawlPages.step(2);

    @TempDir
    Path tmp;

    /** A persistent repository: what the CamelContexts below share, as restarted routes or cluster nodes would. */
    private IdempotentRepository repository() {
        return FileIdempotentRepository.fileIdempotentRepository(tmp.resolve("seen.dat").toFile(), 1000);
    }

    private RouteBuilder feed(String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=2&onlyNew=true&idempotentRepository=#seen" + options))
                        .routeId("feed").to("mock:out");
            }
        };
    }

    private void startFeed(CamelContext camel, String options) throws Exception {
        camel.getRegistry().bind("seen", repository());
        camel.addRoutes(feed(options));
        camel.start();
    }

    @Test
    void afterACrawlCutShortTheNextCatchesUpWithEverythingItHadLeft() throws Exception {
        PAGES.stubAll(wireMock, ids("a", 10));
        // the first feed delivers four assets and is stopped before its crawl ends
        startFeed(context, "&maxMessagesPerPoll=4&greedy=false&delay=600000");
        MockEndpoint first = mock("out");
        first.expectedMessageCount(4);
        first.assertIsSatisfied(5000);
        context.stop();

        // a new node on the same repository: the four newest are known, but no crawl was ever complete
        context = newContext();
        startFeed(context, "&delay=40");
        MockEndpoint second = mock("out");
        second.expectedMessageCount(6);
        second.setAssertPeriod(200);
        second.assertIsSatisfied(5000);
        assertThat(assetIds(second.getReceivedExchanges())).containsExactly(ids("a", 5, 10));

        // that crawl was complete: an unchanged library now costs one request a poll
        wireMock.resetRequests();
        await().atMost(5, TimeUnit.SECONDS).until(() -> requestedPages(PAGES).size() >= 3);
        assertThat(requestedPages(PAGES)).containsOnly(1);
        assertThat(second.getReceivedCounter()).isEqualTo(6);
    }

    @Test
    void feedsOfDifferentSearchesSharingARepositoryDoNotStopAtEachOther() throws Exception {
        PAGES.stubAll(wireMock, ids("a", 6));
        startFeed(context, "&delay=600000");
        mock("out").expectedMessageCount(6);
        mock("out").assertIsSatisfied(5000);
        context.stop();

        // another search on the same repository, whose newest asset a1 the first feed's crawl started at
        context = newContext();
        startFeed(context, "&filter=RAW(kind = image)&delay=40");
        MockEndpoint other = mock("out");
        other.expectedMinimumMessageCount(0);
        wireMock.resetRequests();
        await().atMost(5, TimeUnit.SECONDS).until(() -> requestedPages(PAGES).size() >= 3);
        // it does not take the first feed's crawl for its own: it walked all three pages
        assertThat(requestedPages(PAGES)).contains(1, 2, 3);
    }
}
