package io.github.camelscenario.example.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The system the feed copies assets into (a DAM), shared by both nodes: it records every delivery, by node, in
 * arrival order. A delivery takes a little time, like a real write; on a frozen node it is written but never
 * acknowledged (the node hangs right after), which is what makes a failover deliver some assets twice.
 */
final class DeliveryLog {

    record Delivery(String node, String assetId) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final long writeMillis;

    DeliveryLog(long writeMillis) {
        this.writeMillis = writeMillis;
    }

    void deliver(String node, String assetId, BooleanSupplier frozen) throws InterruptedException {
        deliveries.add(new Delivery(node, assetId));
        Thread.sleep(writeMillis); // the write itself: simulated work, not a wait for something
        if (frozen.getAsBoolean()) {
            // written, never acknowledged: the node hangs until it is stopped (interrupted), or gives up after 30 s
            hanging.add(assetId);
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            throw new IllegalStateException("node " + node + " froze after writing " + assetId);
        }
    }

    /** Deliveries written by a frozen node and never acknowledged. */
    Set<String> hanging() {
        return Set.copyOf(hanging);
    }

    long count(String node) {
        return deliveries.stream().filter(d -> d.node().equals(node)).count();
    }

    Set<String> distinctIds() {
        return deliveries.stream().map(Delivery::assetId).collect(Collectors.toSet());
    }

    List<String> idsFrom(String node) {
        return deliveries.stream().filter(d -> d.node().equals(node)).map(Delivery::assetId).toList();
    }

    /** Asset ids delivered more than once, with how many times. */
    Map<String, Long> duplicates() {
        return deliveries.stream().collect(Collectors.groupingBy(Delivery::assetId, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every delivery so far, duplicates included. */
    int size() {
        return deliveries.size();
    }
}
