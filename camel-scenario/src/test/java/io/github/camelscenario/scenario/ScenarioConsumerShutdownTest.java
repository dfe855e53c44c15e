package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ServiceStatus;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScenarioConsumerShutdownTest extends ConsumerTestSupport {

    @Test
    void stoppingTheRouteMidBatchStopsBetweenHitsAndARestartGoesOn() throws Exception {
        CrawlPages.step(5).stubAll(wireMock, ids("a", 20));
        CountDownLatch fifthStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=5&delay=20")).routeId("crawl")
                        .process(e -> {
                            if ("a5".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))
                                    && fifthStarted.getCount() > 0) {
                                fifthStarted.countDown();
                                // the route is asked to stop while this exchange is in flight
                                release.await(5, TimeUnit.SECONDS);
                            }
                        })
                        .to("mock:out");
            }
        });
        MockEndpoint out = mock("out");
        assertThat(fifthStarted.await(5, TimeUnit.SECONDS)).isTrue();

        ScenarioConsumer consumer = (ScenarioConsumer) context.getRoute("crawl").getConsumer();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("crawl", 5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // graceful shutdown waits for the exchange in flight: the consumer reports it is still busy
        await().atMost(3, TimeUnit.SECONDS).until(consumer::isSuspendingOrSuspended);
        assertThat(consumer.getPendingExchangesSize()).isPositive();
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(context.getRouteController().getRouteStatus("crawl")).isEqualTo(ServiceStatus.Stopped);

        // the exchange in flight completed; nothing after it was started
        assertThat(assetIds(out.getReceivedExchanges())).containsExactly(ids("a", 5));
        assertThat(consumer.getPendingExchangesSize()).isZero();

        // started again, the crawl goes on at a6: over both runs every hit once, in order
        out.reset();
        out.expectedMinimumMessageCount(15);
        context.getRouteController().startRoute("crawl");
        out.assertIsSatisfied(5000);
        List<String> all = new ArrayList<>(List.of(ids("a", 5)));
        all.addAll(assetIds(out.getReceivedExchanges()).subList(0, 15));
        assertThat(all).containsExactly(ids("a", 20));
    }

    @Test
    @Timeout(30)
    void completeAllTasksSendsTheRestOfThePollBeforeTheRouteStops() throws Exception {
        CrawlPages.step(5).stubAll(wireMock, ids("a", 20));
        CountDownLatch fifthStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(scenario("query=dragon&hitsPerPage=5&delay=60000")).routeId("crawl")
                        .shutdownRunningTask(ShutdownRunningTask.CompleteAllTasks)
                        .process(e -> {
                            if ("a5".equals(e.getMessage().getHeader(ScenarioConstants.ASSET_ID))) {
                                fifthStarted.countDown();
                                release.await(5, TimeUnit.SECONDS);
                            }
                        })
                        .to("mock:out");
            }
        });
        assertThat(fifthStarted.await(5, TimeUnit.SECONDS)).isTrue();
        ScenarioConsumer consumer = (ScenarioConsumer) context.getRoute("crawl").getConsumer();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("crawl", 20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(3, TimeUnit.SECONDS).until(consumer::isSuspendingOrSuspended);
        release.countDown();
        // well within the shutdown timeout: the poll completed its batch instead of being cut off and waited for
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(assetIds(mock("out").getReceivedExchanges())).containsExactly(ids("a", 20));
        assertThat(mock("out").getReceivedExchanges().get(19).getProperty(ExchangePropertyKey.BATCH_COMPLETE))
                .isEqualTo(true);
    }
}
