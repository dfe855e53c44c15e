package io.github.camelscenario.scenario;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.PageCrawl;
import io.github.camelscenario.scenario.client.Paging;
import io.github.camelscenario.scenario.client.ScenarioApiException;
import io.github.camelscenario.scenario.client.SearchRequest;
import io.github.camelscenario.scenario.client.SearchRequestValidator;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls a search and emits one exchange per hit: body the {@link Asset}, headers
 * {@link ScenarioConstants#ASSET_ID}, {@link ScenarioConstants#RESULT_PAGE}, {@link ScenarioConstants#TOTAL_HITS}, and
 * the batch properties.
 * <p>
 * Each consumer owns its crawl (a route and a {@code ConsumerTemplate} on the same URI walk their own). A crawl may span
 * several polls ({@code maxMessagesPerPoll}) and a stop and start of the route (whose new consumer takes the crawl the
 * endpoint kept for that route), and the poll after a complete crawl starts a new one: with onlyNew and no sortBy a
 * catch-up crawl, or a full one every fullCrawlInterval. Exchanges are built and sent one hit at a time while the
 * {@link PageCrawl} reads ahead, so memory is bounded by the read-ahead window, not by the result size. One exchange is held back until the next one is known, so the last exchange of a poll carries
 * {@code CamelBatchComplete=true} and the exact {@code CamelBatchSize}.
 */
@ManagedResource(description = "Scenario consumer")
public class ScenarioConsumer extends ScheduledBatchPollingConsumer implements ManagedScenarioConsumerMBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioConsumer.class);

    /** Ids the default onlyNew repository remembers (the least recently used go first). */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;

    private final ScenarioConfiguration configuration;
    private final SearchRequest template;
    private final String searchFingerprint;
    /** Ids whose exchange is still being routed (asynchronous routes): not emitted again meanwhile. */
    private final Set<String> inFlightIds = ConcurrentHashMap.newKeySet();

    private IdempotentRepository repository;
    private ExecutorService prefetchExecutor;
    /** This consumer's crawl; parked on the endpoint for the route's next consumer when the route stops. */
    private volatile Crawl crawl;
    /** When the last full crawl of an onlyNew feed started (its catch-up crawls run in between). */
    private long lastFullCrawl;
    /** What the crawls did, for the health check, the dev console and JMX. */
    private final CrawlStatistics statistics = new CrawlStatistics();
    private volatile boolean freshCrawlRequested;

    public ScenarioConsumer(ScenarioEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.template = completeSearch(endpoint);
        this.searchFingerprint = fingerprint(template);
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
    }

    /** A short, stable digest of the search (its JSON), telling apart the feeds that share a repository. */
    private static String fingerprint(SearchRequest search) {
        try {
            byte[] json = HttpScenarioClient.defaultMapper().writeValueAsBytes(search);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest the search " + search, e);
        }
    }

    /** The consumer has no body or headers: its endpoint options must make a complete search on their own. */
    private static SearchRequest completeSearch(ScenarioEndpoint endpoint) {
        SearchRequest options = endpoint.getBinding().fromOptions();
        try {
            new SearchRequestValidator(field -> "option '" + field + "'").validate(
                    Paging.pageRequest(options, Paging.firstPage(options), Paging.crawlStep(options)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The scenario consumer searches with its endpoint options only (it has no body or headers): "
                                               + e.getMessage());
        }
        return options;
    }

    @Override
    public ScenarioEndpoint getEndpoint() {
        return (ScenarioEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        // before super: Camel's default check would be built otherwise
        setHealthCheck(new ScenarioConsumerHealthCheck(this, "consumer:" + getRouteId()));
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        getEndpoint().consumerStarted(this);
        if (configuration.isOnlyNew()) {
            repository = configuration.getIdempotentRepository();
            if (repository == null) {
                repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
            }
            ServiceHelper.startService(repository);
        }
        int prefetch = configuration.getPrefetchPages();
        if (prefetch > 0) {
            prefetchExecutor = getEndpoint().newReadAheadPool(this, "ScenarioPrefetch", prefetch + 1);
        }
        // a feed starts by catching up (cheap after a restart or a fail-over); the first full crawl comes later
        lastFullCrawl = System.currentTimeMillis();
        if (crawl == null && getRouteId() != null) {
            // the route was stopped and started again: a new consumer, the same crawl
            crawl = getEndpoint().takeParkedCrawl(getRouteId());
        }
        resumeCrawl();
        // last: this schedules the first poll
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().consumerStopped(this);
        suspendCrawl();
        Crawl c = crawl;
        if (c != null && getRouteId() != null) {
            getEndpoint().parkCrawl(getRouteId(), c);
        }
        super.doStop();
        if (prefetchExecutor != null) {
            getEndpoint().shutdownReadAheadPool(prefetchExecutor);
            prefetchExecutor = null;
        }
        ServiceHelper.stopService(repository);
        repository = null;
    }

    @Override
    protected void doSuspend() throws Exception {
        if (!completingAllTasks()) {
            suspendCrawl();
        }
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        resumeCrawl();
        super.doResume();
    }

    private void suspendCrawl() {
        Crawl c = crawl;
        if (c != null) {
            c.pages.suspend();
        }
    }

    /** A restarted or resumed route carries on where it stopped, with the endpoint's current client. */
    private void resumeCrawl() {
        Crawl c = crawl;
        if (c != null) {
            c.pages.resume(getEndpoint().getClient(), prefetchExecutor);
        }
    }

    @Override
    protected int poll() throws Exception {
        // must reset for each poll
        shutdownRunningTask = null;
        pendingExchanges = 0;

        Crawl c = crawlForThisPoll();
        Batch batch = new Batch(c);
        int cap = getMaxMessagesPerPoll();
        try {
            while (mayEmit() && (cap <= 0 || batch.count < cap)) {
                PageCrawl.Hit hit = c.pages.next();
                if (hit != null || c.pages.isComplete()) {
                    // the API answered: ready, even while a long first crawl is still being walked
                    forceConsumerAsReady();
                }
                if (hit == null) {
                    break;
                }
                if (c.newestId == null && hit.offset() == 0 && c.replayUntil < 0) {
                    c.newestId = hit.asset().getId();
                }
                if (isNew(c, hit) && !batch.offer(hit)) {
                    break;
                }
            }
        } catch (Exception e) {
            // what was decided is sent; the position stays at the page that failed
            batch.finish();
            LOG.debug("Scenario poll failed at page {} after {} exchange(s)", c.pages.getPage(), batch.count);
            // shown by the consumer's health check until a poll succeeds
            addLastErrorDetail(ScenarioConsumerHealthCheck.FAILED_PAGE, c.pages.getPage());
            if (e instanceof ScenarioApiException api) {
                addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, api.getStatusCode());
                if (api.getErrorCode() != null) {
                    addLastErrorDetail(ScenarioConsumerHealthCheck.ERROR_CODE, api.getErrorCode());
                }
            }
            statistics.pollFailed(e, c.pages.getPage());
            throw e;
        }
        batch.finish();
        statistics.pollSucceeded();
        if (c.pages.isComplete()) {
            statistics.crawlCompleted();
            c.reportSkippedWithoutId();
            recordCaughtUp(c);
            LOG.debug("Scenario crawl complete: {} page request(s), {} hit(s) walked", c.pages.getRequests(),
                    c.pages.walked());
        }
        return batch.count;
    }

    /** The crawl this poll continues: the current one, gone back for hits whose exchange failed, else a new one. */
    private Crawl crawlForThisPoll() {
        Crawl c = crawl;
        if (freshCrawlRequested) {
            freshCrawlRequested = false;
            if (c != null) {
                c.pages.suspend(); // cancels its requests in flight
            }
            c = null;
            // fresh means every hit again: a feed walks it all rather than catching up
            lastFullCrawl = 0;
        }
        if (c != null) {
            c.replayFailures();
        }
        if (c == null || c.pages.isComplete()) {
            boolean catchUp = isCatchUpDue();
            if (!catchUp) {
                lastFullCrawl = System.currentTimeMillis();
            }
            c = new Crawl(new PageCrawl(getEndpoint().getClient(), template, configuration.getMaxResults(),
                    configuration.getPrefetchPages(), prefetchExecutor, configuration.getRetryInitialDelay(),
                    catchUp ? this::isCaughtUpAt : null));
            crawl = c;
            statistics.crawlStarted();
        }
        return c;
    }

    /**
     * Whether the next crawl is a catch-up one: an onlyNew feed in the crawl's own order (newest first), whose full
     * crawl is not due.
     */
    private boolean isCatchUpDue() {
        long interval = configuration.getFullCrawlInterval();
        return repository != null && template.getSortBy() == null && interval > 0
               && System.currentTimeMillis() - lastFullCrawl < interval;
    }

    /** Whether an earlier crawl of this search that started at {@code asset} (its newest) was walked to its end. */
    private boolean isCaughtUpAt(Asset asset) {
        return repository.contains(caughtUpMarker(asset.getId()));
    }

    /**
     * The repository entry saying that a crawl of this search starting at the asset {@code newestId} was walked to its
     * end with every exchange delivered: everything from that asset on was delivered then. It lives beside the ids, so
     * a restarted route or another node sharing the repository knows it too; the search's fingerprint keeps feeds of
     * different searches sharing one repository apart.
     */
    private String caughtUpMarker(String newestId) {
        return "camel-scenario:caught-up:" + searchFingerprint + ":" + newestId;
    }

    /** Records where a complete crawl started, once its every exchange was delivered (see {@link #caughtUpMarker}). */
    private void recordCaughtUp(Crawl c) {
        if (repository != null && c.newestId != null && c.failed.isEmpty() && c.replaying.isEmpty()) {
            repository.add(caughtUpMarker(c.newestId));
            c.newestId = null;
        }
    }

    /**
     * Whether a hit is to be emitted: while the crawl goes back over hits it handed out before, only those whose
     * exchange failed; else not still being routed, and with onlyNew not delivered before. A hit without an id is known
     * by its offset; onlyNew cannot remember it across crawls, so it skips it.
     */
    private boolean isNew(Crawl c, PageCrawl.Hit hit) {
        if (c.isReplaying(hit)) {
            return c.replaying.remove(Crawl.key(hit));
        }
        String id = hit.asset().getId();
        if (id == null) {
            if (repository != null) {
                c.skippedWithoutId++;
                return false;
            }
            return true;
        }
        return !inFlightIds.contains(id) && (repository == null || !repository.contains(id));
    }

    /** Whether a poll may send one more exchange. */
    private boolean mayEmit() {
        // a graceful shutdown suspends the consumer first; with CompleteAllTasks the poll still sends the whole batch
        return isBatchAllowed() && (completingAllTasks() || !isSuspendingOrSuspended());
    }

    private boolean completingAllTasks() {
        return shutdownRunningTask == ShutdownRunningTask.CompleteAllTasks;
    }

    @Override
    public CrawlSnapshot getCrawlSnapshot() {
        Crawl c = crawl;
        return CrawlSnapshot.of(c == null ? null : c.pages, statistics, getEndpoint().getTraffic(), repository);
    }

    @Override
    public void startFreshCrawl() {
        freshCrawlRequested = true;
    }

    /** The crawl of this consumer; {@code null} before its first poll. */
    Crawl getCrawl() {
        return crawl;
    }

    private Exchange createExchange(PageCrawl.Hit hit) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(hit.asset());
        message.setHeader(ScenarioConstants.ASSET_ID, hit.asset().getId());
        message.setHeader(ScenarioConstants.RESULT_PAGE, hit.page());
        if (hit.totalHits() != null) {
            message.setHeader(ScenarioConstants.TOTAL_HITS, hit.totalHits());
        }
        return exchange;
    }

    /** The one way an exchange of a batch is sent: batch properties, pending count for shutdown, then the route. */
    private void sendInBatch(Exchange exchange, int index, int size, boolean last) {
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, last);
        pendingExchanges = last ? 0 : Math.max(0, size - index - 1);
        statistics.exchangeSent();
        AsyncCallback callback = defaultConsumerCallback(exchange, true);
        getAsyncProcessor().process(exchange, callback);
    }

    /**
     * Sends the given exchanges as one batch, in order, with the batch properties; stops early when the route is
     * stopping. {@link #poll()} does not build such a queue (it streams hit by hit); this serves callers of the
     * {@link org.apache.camel.BatchConsumer} contract.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int index = 0;
        for (; index < total && isBatchAllowed(); index++) {
            sendInBatch(ObjectHelper.cast(Exchange.class, exchanges.poll()), index, total, index == total - 1);
        }
        pendingExchanges = 0;
        return index;
    }

    /** The crawl being walked, and the hits whose exchange failed. Owned by one consumer. */
    static final class Crawl {
        final PageCrawl pages;
        /** Hits whose exchange failed since the last poll, by {@link #key}, with their offsets. */
        final Map<String, Long> failed = new ConcurrentHashMap<>();
        /** The failed hits the crawl is going back for (poll thread only). */
        Set<String> replaying = new HashSet<>();
        /** The offset up to which hits were handed out before the crawl went back; {@code -1} when not going back. */
        long replayUntil = -1;
        /** onlyNew hits skipped because they have no id (poll thread only). */
        int skippedWithoutId;
        /** The id of the crawl's first hit, the newest asset, until the crawl is recorded as caught up (poll thread). */
        String newestId;

        Crawl(PageCrawl pages) {
            this.pages = pages;
        }

        /** A hit's id, or for a hit without one its offset in this crawl (no id starts with a NUL character). */
        static String key(PageCrawl.Hit hit) {
            String id = hit.asset().getId();
            return id != null ? id : "\0" + hit.offset();
        }

        /**
         * Goes back to the earliest hit whose exchange failed since the last poll: the hits up to where the crawl
         * stood are walked again, and only the failed ones are emitted. The ids of failed hits are all it keeps.
         */
        void replayFailures() {
            if (failed.isEmpty()) {
                return;
            }
            long earliest = Long.MAX_VALUE;
            for (Map.Entry<String, Long> e : failed.entrySet()) {
                replaying.add(e.getKey());
                earliest = Math.min(earliest, e.getValue());
            }
            failed.clear();
            replayUntil = Math.max(replayUntil, pages.isComplete() ? Long.MAX_VALUE : pages.position());
            LOG.debug("Exchanges failed since the last poll: going back to offset {} to offer them again", earliest);
            pages.rewindTo(earliest);
        }

        /** Whether {@code hit} was handed out before the crawl went back; past that point, the going back is over. */
        boolean isReplaying(PageCrawl.Hit hit) {
            if (replayUntil < 0) {
                return false;
            }
            if (hit.offset() < replayUntil) {
                return true;
            }
            // a failed hit not met again has moved (the index changed): the next crawl will meet it
            replaying.clear();
            replayUntil = -1;
            return false;
        }

        void reportSkippedWithoutId() {
            if (skippedWithoutId > 0) {
                LOG.warn("Scenario onlyNew crawl skipped {} hit(s) without an id: an asset without an id cannot be "
                         + "remembered as delivered", skippedWithoutId);
                skippedWithoutId = 0;
            }
        }
    }

    /**
     * The exchanges of one poll. One exchange is held back until the next is known, so the last one is sent with
     * {@code CamelBatchComplete=true}; {@code CamelBatchSize} is the exact count on that last exchange and, before it,
     * the most this poll can still emit (from totalHits and the caps), never less than the real count.
     */
    private final class Batch {
        private final Crawl crawl;
        private Exchange held;
        private PageCrawl.Hit heldHit;
        int count;

        Batch(Crawl crawl) {
            this.crawl = crawl;
        }

        /** Takes a hit to emit; {@code false} when the route stops (nothing is sent then, the position goes back). */
        boolean offer(PageCrawl.Hit hit) {
            Exchange exchange = createExchange(hit);
            track(hit);
            if (held != null) {
                if (!mayEmit()) {
                    untrack(hit);
                    releaseExchange(exchange, false);
                    // neither is sent: the next poll (or the restarted route) hands out the held one, then this one
                    crawl.pages.pushBack(hit);
                    dropHeld();
                    return false;
                }
                send(count - 1, estimatedSize(), false);
            }
            held = exchange;
            heldHit = hit;
            count++;
            return true;
        }

        /** Sends the held exchange as the last of the poll, or gives it back to the crawl when stopping. */
        void finish() {
            if (held != null) {
                if (mayEmit()) {
                    send(count - 1, count, true);
                } else {
                    dropHeld();
                }
            }
            pendingExchanges = 0;
        }

        private void send(int index, int size, boolean last) {
            held.getExchangeExtension().addOnCompletion(new Outcome(crawl, heldHit));
            Exchange exchange = held;
            held = null;
            heldHit = null;
            sendInBatch(exchange, index, size, last);
        }

        private int estimatedSize() {
            // the held exchange (index count-1) and the one just taken (count) are both known
            long upper = (long) count + 1 + crawl.pages.remainingUpperBound();
            if (upper < 0) {
                upper = Long.MAX_VALUE; // overflow of an unbounded crawl
            }
            int cap = getMaxMessagesPerPoll();
            if (cap > 0) {
                upper = Math.min(upper, cap);
            }
            return (int) Math.max(count + 1, Math.min(upper, Integer.MAX_VALUE));
        }

        private void track(PageCrawl.Hit hit) {
            String id = hit.asset().getId();
            if (id != null) {
                inFlightIds.add(id);
            }
        }

        private void untrack(PageCrawl.Hit hit) {
            String id = hit.asset().getId();
            if (id != null) {
                inFlightIds.remove(id);
            }
        }

        private void dropHeld() {
            untrack(heldHit);
            releaseExchange(held, false);
            // not sent: the next poll (or the restarted route) starts at this hit again
            crawl.pages.pushBack(heldHit);
            count--;
            held = null;
            heldHit = null;
        }
    }

    /**
     * Records a delivered id (onlyNew) or, on failure, the hit for the next poll to go back for; a hit without an id is
     * tracked by its offset in the crawl the same way.
     */
    private final class Outcome implements Synchronization {
        private final Crawl crawl;
        private final String id;
        private final String key;
        private final long offset;

        Outcome(Crawl crawl, PageCrawl.Hit hit) {
            this.crawl = crawl;
            this.id = hit.asset().getId();
            this.key = Crawl.key(hit);
            this.offset = hit.offset();
        }

        @Override
        public void onComplete(Exchange exchange) {
            IdempotentRepository repo = repository;
            if (repo != null && id != null) {
                repo.add(id);
            }
            if (id != null) {
                inFlightIds.remove(id);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            if (id != null) {
                inFlightIds.remove(id);
            }
            crawl.failed.put(key, offset);
        }

        @Override
        public String toString() {
            return "ScenarioConsumerOnCompletion[" + key.replace("\0", "#") + "]";
        }
    }
}
