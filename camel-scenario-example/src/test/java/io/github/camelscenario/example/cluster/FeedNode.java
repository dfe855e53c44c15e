package io.github.camelscenario.example.cluster;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.camelscenario.scenario.CrawlSnapshot;
import io.github.camelscenario.scenario.ScenarioConstants;
import io.github.camelscenario.scenario.ScenarioConsumer;
import io.github.camelscenario.scenario.ScenarioEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * One Camel instance of the clustered feed: the same {@code onlyNew} route as every other node, behind
 * {@code master:} on a ZooKeeper cluster service, remembering delivered ids in the shared JDBC repository. Records
 * which exchanges started and which completed here, to count what was in flight when it stopped.
 */
final class FeedNode implements AutoCloseable {

    /** The route's concurrency: 2 threads, 2 queued, 1 in the poll thread when both are full (CallerRuns). */
    static final int MAX_IN_FLIGHT = 2 + 2 + 1;

    final String name;
    final DefaultCamelContext context = new DefaultCamelContext();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    FeedNode(String name, String zooKeeper, DataSource database, String feedUri, DeliveryLog dam) throws Exception {
        this.name = name;
        context.getCamelContextExtension().setName(name);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(zooKeeper);
        cluster.setBasePath("/camel-scenario/cluster");
        context.addService(cluster);
        context.getRegistry().bind("seenAssets", new JdbcMessageIdRepository(database, "scenario-feed"));
        // a lambda, not a RouteBuilder class: the example's Camel Main would pick that up from the class path
        RouteBuilder.addRoutes(context, routes -> routes.from("master:scenario-feed:" + feedUri).routeId("feed")
                .process(this::track)
                .threads(2, 2).maxQueueSize(2)
                .process(e -> dam.deliver(name, assetId(e), () -> frozen)));
    }

    private static String assetId(Exchange e) {
        return e.getMessage().getHeader(ScenarioConstants.ASSET_ID, String.class);
    }

    private void track(Exchange exchange) {
        String id = assetId(exchange);
        started.add(id);
        // added after the consumer's own (which records the id in the repository), so it runs after it
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange e) {
                completed.add(id);
            }
        });
    }

    FeedNode start() {
        context.start();
        return this;
    }

    /** From now on every delivery on this node is written and never acknowledged: the node hangs. */
    void freeze() {
        frozen = true;
    }

    /** Exchanges that started here and did not complete: in flight when the node stopped (call once stopped). */
    Set<String> inFlight() {
        Set<String> answer = new HashSet<>(started);
        answer.removeAll(completed);
        return answer;
    }

    Set<String> completed() {
        return Set.copyOf(completed);
    }

    /** The crawl figures of this node's scenario consumer, {@code null} while it is not the leader. */
    CrawlSnapshot crawl() {
        return context.getEndpoints().stream()
                .filter(ScenarioEndpoint.class::isInstance).map(ScenarioEndpoint.class::cast)
                .flatMap(e -> e.getConsumers().stream()).findFirst()
                .map(ScenarioConsumer::getCrawlSnapshot).orElse(null);
    }

    @Override
    public void close() {
        context.stop();
    }
}
