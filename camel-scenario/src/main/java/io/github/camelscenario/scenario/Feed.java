package io.github.camelscenario.scenario;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consumers of one endpoint have delivered, and what they have in flight. Owned by the endpoint, so that a
 * route stopped and started again (a new consumer) keeps it; what must outlive the process or be shared by nodes
 * lives in the idempotent repository, under keys of this search:
 * <ul>
 * <li>{@code camel-scenario:<search digest>:<asset id>}: the asset's exchange completed (onlyNew);</li>
 * <li>{@code camel-scenario:<search digest>:caught-up:<asset id>}: a crawl's mark, written by {@link Crawl} once every
 * exchange of the crawl settled: every hit from that asset down (in the newest-first order) was delivered.</li>
 * </ul>
 * The digest covers what selects the assets (query, filter, image references, ratios, scope), not the paging or the
 * order, so feeds of different searches sharing one repository never take each other's assets or marks.
 */
final class Feed {

    private static final Logger LOG = LoggerFactory.getLogger(Feed.class);

    /** Ids the default onlyNew repository remembers (the least recently used go first). */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;

    private static final String PREFIX = "camel-scenario:";

    private final String digest;
    /** {@code null} without onlyNew. */
    private final IdempotentRepository repository;
    private final boolean ownsRepository;
    private final Map<FlightKey, Flight> inFlight = new ConcurrentHashMap<>();
    /** The marks this feed wrote or kept last, to drop when they are superseded. */
    private final Set<String> knownMarks = new LinkedHashSet<>();
    /** Crawls of stopped routes, by route id: the route's next consumer goes on with its crawl. */
    private final Map<String, Crawl> parked = new ConcurrentHashMap<>();

    private Feed(String digest, IdempotentRepository repository, boolean ownsRepository) {
        this.digest = digest;
        this.repository = repository;
        this.ownsRepository = ownsRepository;
    }

    /**
     * The feed of an endpoint: with onlyNew, on the configured repository (added to the context's services, as
     * Camel's idempotent consumer does, and started), else on an in-memory one it owns.
     */
    static Feed start(CamelContext context, ScenarioConfiguration configuration, SearchRequest search)
            throws Exception {
        IdempotentRepository repository = null;
        boolean owns = false;
        if (configuration.isOnlyNew()) {
            repository = configuration.getIdempotentRepository();
            if (repository == null) {
                repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
                owns = true;
            } else if (!context.hasService(repository)) {
                context.addService(repository, true, true);
            }
            ServiceHelper.startService(repository);
        }
        return new Feed(digest(search), repository, owns);
    }

    /** Stops what the feed owns; a repository the user gave is the context's to stop. */
    void stop() {
        parked.clear();
        inFlight.clear();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    /** A short, stable digest of what selects the assets of a search (its JSON without paging and order). */
    static String digest(SearchRequest search) {
        SearchRequest selection = search.copy();
        selection.setPage(null);
        selection.setHitsPerPage(null);
        selection.setOffset(null);
        selection.setLimit(null);
        selection.setSortBy(null);
        try {
            byte[] json = HttpScenarioClient.defaultMapper().writeValueAsBytes(selection);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest the search", e);
        }
    }

    /** Whether this feed remembers deliveries (onlyNew). */
    boolean remembers() {
        return repository != null;
    }

    IdempotentRepository repository() {
        return repository;
    }

    /** The repository key saying that the feed of {@code search} delivered the asset {@code id}. */
    static String deliveredKey(SearchRequest search, String id) {
        return deliveredKey(digest(search), id);
    }

    private static String deliveredKey(String digest, String id) {
        return PREFIX + digest + ":" + id;
    }

    boolean isDelivered(String id) {
        return repository != null && repository.contains(deliveredKey(digest, id));
    }

    void delivered(String id) {
        if (repository != null) {
            repository.add(deliveredKey(digest, id));
        }
    }

    /** Whether a crawl's mark stands at this asset. */
    boolean isMarked(String id) {
        return repository != null && repository.contains(markKey(id));
    }

    /**
     * Records the marks of a crawl whose exchanges all settled. Of the marks it walked past below them, the first
     * {@link Crawl#MARKS} stay: the feed's place should the assets under the new marks be deleted before the next poll.
     * Every other mark this feed knows of goes: older ones are covered by the new marks, those above a failed asset
     * would stop the next catch-up before it, and those of deleted assets would never be met again. Marks written
     * before this endpoint started and never met since are not known, and stay.
     *
     * @param metBelow the marks the crawl walked past below its new marks, in order
     */
    synchronized void mark(List<String> ids, List<String> metBelow, List<String> metAll) {
        Set<String> keep = new LinkedHashSet<>(ids);
        keep.addAll(metBelow.subList(0, Math.min(Crawl.MARKS, metBelow.size())));
        // only what changed is written: most polls find their marks where they were
        keep.stream().filter(id -> !knownMarks.contains(id)).forEach(id -> repository.add(markKey(id)));
        Set<String> drop = new LinkedHashSet<>(knownMarks);
        drop.addAll(metAll);
        drop.removeAll(keep);
        drop.forEach(id -> repository.remove(markKey(id)));
        knownMarks.clear();
        knownMarks.addAll(keep);
    }

    /** Drops these marks (they stand above an asset the next catch-up must reach). */
    synchronized void unmark(List<String> ids) {
        ids.forEach(id -> repository.remove(markKey(id)));
        knownMarks.removeAll(ids);
    }

    private String markKey(String id) {
        return PREFIX + digest + ":caught-up:" + id;
    }

    /**
     * The exchange of an asset is on its way. {@code null} when one already is (another crawl sent it and it has not
     * settled): then {@link #flightOf} tells when it does. A feed (onlyNew) shares its flights between the consumers
     * of the endpoint, which deliver for one repository; without onlyNew each consumer walks on its own.
     *
     * @param consumer whose crawl sends it
     */
    Flight depart(Object consumer, String id) {
        Flight f = new Flight(flightKey(consumer, id));
        return inFlight.putIfAbsent(f.key, f) == null ? f : null;
    }

    /** The flight of an asset whose exchange is on its way, or {@code null}. */
    Flight flightOf(Object consumer, String id) {
        return inFlight.get(flightKey(consumer, id));
    }

    private FlightKey flightKey(Object consumer, String id) {
        return new FlightKey(remembers() ? null : consumer, id);
    }

    /** An asset, and without onlyNew the consumer (compared by identity) whose flight it is. */
    private record FlightKey(Object consumer, String id) {
    }

    /**
     * An exchange of the asset settled. An asset whose delivery cannot be recorded (the repository failed) counts as
     * not delivered: it is offered again, never lost; its flight ends whatever happens.
     *
     * @return whether it counts as delivered
     */
    boolean land(String id, Flight flight, boolean delivered) {
        boolean recorded = delivered && record(id);
        inFlight.remove(flight.key, flight);
        flight.land(recorded);
        return recorded;
    }

    private boolean record(String id) {
        try {
            delivered(id);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not record asset {} as delivered in the idempotent repository ({}): it is offered again",
                    id, e.toString());
            return false;
        }
    }

    void park(String routeId, Crawl crawl) {
        parked.put(routeId, crawl);
    }

    Crawl unpark(String routeId) {
        return parked.remove(routeId);
    }

    /** One exchange on its way, and the crawls that skipped its asset meanwhile and wait for how it ends. */
    static final class Flight {
        private final FlightKey key;
        private final List<Crawl.Entry> watchers = new ArrayList<>(1);
        private Boolean outcome;

        private Flight(FlightKey key) {
            this.key = key;
        }

        /** Adds a crawl's entry to tell when it lands; {@code false} when it has landed already. */
        synchronized boolean watch(Crawl.Entry entry) {
            if (outcome != null) {
                return false;
            }
            watchers.add(entry);
            return true;
        }

        private void land(boolean delivered) {
            List<Crawl.Entry> toTell;
            synchronized (this) {
                outcome = delivered;
                toTell = List.copyOf(watchers);
                watchers.clear();
            }
            toTell.forEach(e -> e.settle(delivered));
        }
    }
}
