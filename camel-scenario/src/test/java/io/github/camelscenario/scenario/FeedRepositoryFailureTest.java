package io.github.camelscenario.scenario;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.camelscenario.scenario.client.FakeIndex;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed whose idempotent repository (JDBC, Redis...) fails for a moment: an asset whose delivery could not be
 * recorded (add failed, in the exchange's completion) is offered again, and a failure while a read is decided
 * (contains failed, on the poll thread) loses no asset; no flight is left in the feed for ever.
 */
@Timeout(60)
class FeedRepositoryFailureTest {

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** Fails once: add of the key ending {@code :c3}, or contains of the key ending {@code :c3}. */
    static final class FlakyRepository extends MemoryIdempotentRepository {
        final AtomicBoolean failAdd = new AtomicBoolean();
        final AtomicBoolean failContains = new AtomicBoolean();

        @Override
        public boolean add(String key) {
            if (key.endsWith(":c3") && failAdd.compareAndSet(true, false)) {
                throw new IllegalStateException("repository down for a moment");
            }
            return super.add(key);
        }

        @Override
        public boolean contains(String key) {
            if (key.endsWith(":c3") && !key.contains("caught-up") && failContains.compareAndSet(true, false)) {
                throw new IllegalStateException("repository down for a moment");
            }
            return super.contains(key);
        }
    }

    private MockEndpoint run(FlakyRepository repo) throws Exception {
        FakeIndex cats = new FakeIndex(10);
        for (int i = 1; i <= 5; i++) {
            cats.insert(cats.size(), "c" + i);
        }
        context = new DefaultCamelContext();
        context.getRegistry().bind("cats", cats);
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scenario:search?query=cat&hitsPerPage=10&onlyNew=true&scenarioClient=#cats"
                     + "&idempotentRepository=#repo&startScheduler=false").routeId("feed").to("mock:out");
            }
        });
        context.start();
        ScenarioConsumer feed = (ScenarioConsumer) context.getRoute("feed").getConsumer();
        for (int i = 0; i < 4; i++) {
            try {
                feed.poll();
            } catch (Exception e) {
                // the poll strategy would log it and poll again
            }
        }
        return context.getEndpoint("mock:out", MockEndpoint.class);
    }

    private static List<String> ids(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(ScenarioConstants.ASSET_ID,
                String.class)).collect(Collectors.toList());
    }

    @Test
    void anAssetWhoseDeliveryCouldNotBeRecordedIsOfferedAgain() throws Exception {
        FlakyRepository repo = new FlakyRepository();
        repo.failAdd.set(true);
        MockEndpoint out = run(repo);
        // c3 was routed, but its delivery could not be recorded: a later poll must offer it again
        assertThat(ids(out).stream().filter("c3"::equals).count()).isEqualTo(2);
    }

    @Test
    void aRepositoryFailureMidBatchLosesNoAsset() throws Exception {
        FlakyRepository repo = new FlakyRepository();
        repo.failContains.set(true);
        MockEndpoint out = run(repo);
        assertThat(ids(out)).containsExactlyInAnyOrder("c1", "c2", "c3", "c4", "c5");
    }
}
