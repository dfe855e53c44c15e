package io.github.camelscenario.scenario;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelscenario.scenario.client.Asset;
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
 * Crawls a search page by page and emits one exchange per hit: body the {@link Asset}, headers
 * {@link ScenarioConstants#ASSET_ID}, {@link ScenarioConstants#RESULT_PAGE}, {@link ScenarioConstants#TOTAL_HITS}, and
 * the batch properties.
 * <p>
 * Each consumer owns its crawl (a route and a {@code ConsumerTemplate} on the same URI walk their own). A crawl may span
 * several polls ({@code maxMessagesPerPoll}) and a stop and start of the route (whose new consumer takes the crawl the
 * endpoint kept for that route), and the poll after a complete crawl starts a new one. Exchanges are built and sent one hit at a
 * time while the {@link PageCrawl} fetches pages ahead, so memory is bounded by the prefetch window, not by the result
 * size. One exchange is held back until the next one is known, so the last exchange of a poll carries
 * {@code CamelBatchComplete=true} and the exact {@code CamelBatchSize}.
 */
@ManagedResource(description = "Scenario consumer")
public class ScenarioConsumer extends ScheduledBatchPollingConsumer implements ManagedScenarioConsumerMBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioConsumer.class);

    /** Ids the default onlyNew repository remembers (the least recently used go first). */
    static final int DEFAULT_REPOSITORY_SIZE = 100_000;

    private final ScenarioConfiguration configuration;
    private final SearchRequest template;
    /** Ids whose exchange is still being routed (asynchronous routes): not emitted again meanwhile. */
    private final Set<String> inFlightIds = ConcurrentHashMap.newKeySet();

    private IdempotentRepository repository;
    private ExecutorService prefetchExecutor;
    /** This consumer's crawl; parked on the endpoint for the route's next consumer when the route stops. */
    private volatile Crawl crawl;
    /** What the crawls did, for the health check, the dev console and JMX. */
    private final CrawlStatistics statistics = new CrawlStatistics();
    private volatile boolean freshCrawlRequested;

    public ScenarioConsumer(ScenarioEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.template = completeSearch(endpoint);
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
    }

    /** The consumer has no body or headers: its endpoint options must make a complete search on their own. */
    private static SearchRequest completeSearch(ScenarioEndpoint endpoint) {
        SearchRequest options = endpoint.getBinding().fromOptions();
        try {
            new SearchRequestValidator(field -> "option '" + field + "'").validate(
                    Paging.pageRequest(options, Paging.firstPage(options), Paging.crawlHitsPerPage(options)));
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
        int prefetch = configuration.effectivePrefetchPages(true);
        if (prefetch > 0) {
            prefetchExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "ScenarioPrefetch", prefetch + 1);
        }
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
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(prefetchExecutor);
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
            LOG.debug("Scenario crawl complete: {} page request(s), {} hit(s) walked", c.pages.getRequests(),
                    c.pages.walked());
        }
        return batch.count;
    }

    /** The crawl this poll continues: the current one, rewound if exchanges failed, else a new one. */
    private Crawl crawlForThisPoll() {
        Crawl c = crawl;
        if (freshCrawlRequested) {
            freshCrawlRequested = false;
            if (c != null) {
                c.pages.suspend(); // cancels its requests in flight
            }
            c = null;
        }
        if (c != null) {
            int failedPage = c.failedPage.getAndSet(Integer.MAX_VALUE);
            if (failedPage != Integer.MAX_VALUE) {
                LOG.debug("Exchanges failed since the last poll: going back to page {} to offer them again", failedPage);
                c.pages.rewindTo(failedPage, 0);
            }
        }
        if (c == null || c.pages.isComplete()) {
            c = new Crawl(new PageCrawl(
                    getEndpoint().getClient(), template, configuration.getMaxResults(),
                    configuration.effectivePrefetchPages(true), prefetchExecutor, configuration.getRetryInitialDelay()));
            crawl = c;
            statistics.crawlStarted();
        }
        return c;
    }

    /**
     * Whether a hit is to be emitted: not emitted earlier in this crawl (results moved between pages, or a rewind after
     * a failure), not still being routed, and with onlyNew not delivered before. A hit without an id is known by its
     * position in the crawl; onlyNew cannot remember it across crawls, so it skips it.
     */
    private boolean isNew(Crawl c, PageCrawl.Hit hit) {
        String id = hit.asset().getId();
        if (id == null && repository != null) {
            c.skippedWithoutId++;
            return false;
        }
        return !c.emitted.contains(Crawl.key(hit))
               && (id == null || !inFlightIds.contains(id) && (repository == null || !repository.contains(id)));
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

    /** The crawl being walked and what it has emitted. Owned by one consumer. */
    static final class Crawl {
        final PageCrawl pages;
        /**
         * Keys ({@link #key}) emitted during this crawl: at most one per hit walked (bounded by totalHits /
         * maxResults).
         */
        final Set<String> emitted = ConcurrentHashMap.newKeySet();
        /** Lowest page of an exchange that failed since the last poll, {@code MAX_VALUE} when none. */
        final AtomicInteger failedPage = new AtomicInteger(Integer.MAX_VALUE);
        /** onlyNew hits skipped because they have no id (poll thread only). */
        int skippedWithoutId;

        Crawl(PageCrawl pages) {
            this.pages = pages;
        }

        /** A hit's id, or for a hit without one its position in this crawl (no id starts with a NUL character). */
        static String key(PageCrawl.Hit hit) {
            String id = hit.asset().getId();
            return id != null ? id : "\0" + hit.page() + ":" + hit.index();
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
            crawl.emitted.add(Crawl.key(hit));
            String id = hit.asset().getId();
            if (id != null) {
                inFlightIds.add(id);
            }
        }

        private void untrack(PageCrawl.Hit hit) {
            crawl.emitted.remove(Crawl.key(hit));
            String id = hit.asset().getId();
            if (id != null) {
                inFlightIds.remove(id);
            }
        }

        private void dropHeld() {
            untrack(heldHit);
            releaseExchange(held, false);
            // not sent: the next poll (or the restarted route) starts at this hit again
            crawl.pages.rewindTo(heldHit.page(), heldHit.index());
            count--;
            held = null;
            heldHit = null;
        }
    }

    /**
     * Records a delivered id (onlyNew) or, on failure, makes the hit eligible again and rewinds the crawl; a hit without
     * an id is tracked by its position in the crawl the same way.
     */
    private final class Outcome implements Synchronization {
        private final Crawl crawl;
        private final String id;
        private final String key;
        private final int page;

        Outcome(Crawl crawl, PageCrawl.Hit hit) {
            this.crawl = crawl;
            this.id = hit.asset().getId();
            this.key = Crawl.key(hit);
            this.page = hit.page();
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
            crawl.emitted.remove(key);
            crawl.failedPage.accumulateAndGet(page, Math::min);
        }

        @Override
        public String toString() {
            return "ScenarioConsumerOnCompletion[" + key.replace("\0", "#") + "]";
        }
    }
}
