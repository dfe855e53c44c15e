package io.github.camelscenario.scenario;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.PageCrawl;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Crawls a search and emits one exchange per hit: body the {@link Asset}, headers
 * {@link ScenarioConstants#ASSET_ID}, {@link ScenarioConstants#RESULT_PAGE}, {@link ScenarioConstants#TOTAL_HITS}.
 * <p>
 * Each poll walks the consumer's {@link Crawl} from where it stands and sends one batch per read: the hits of that read
 * the endpoint's {@link Feed} has neither delivered nor in flight, with exact batch properties. What is delivered,
 * what failed and where a feed caught up is the crawl's and the feed's business, not this class's: it polls and
 * emits. With {@code content=file|thumbnail} the body is the asset's file instead of the hit, downloaded ahead of the
 * exchange that carries it ({@link ContentReadAhead}). A crawl may span several polls ({@code maxMessagesPerPoll}) and a stop and start of the route (the feed
 * keeps it for the route's next consumer); the poll after a walked crawl starts a new one: with onlyNew in the
 * default order a catch-up crawl, or a full one every fullCrawlInterval.
 */
@ManagedResource(description = "Scenario consumer")
public class ScenarioConsumer extends ScheduledBatchPollingConsumer implements ManagedScenarioConsumerMBean {

    private final ScenarioConfiguration configuration;
    private final SearchRequest search;

    private Feed feed;
    private ExecutorService prefetchExecutor;
    /** The files of the batches; {@code null} without content. */
    private volatile BatchContent content;
    /** The files of the batch being sent, and how many of its exchanges went to the route (poll thread). */
    private BatchContent batchFiles;
    private int batchSent;
    private volatile Crawl crawl;
    private final CrawlSchedule schedule;
    private final CrawlStatistics statistics = new CrawlStatistics();

    public ScenarioConsumer(ScenarioEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.search = endpoint.getBinding().consumerSearch();
        this.schedule = new CrawlSchedule(configuration.isOnlyNew(), search, configuration.getFullCrawlInterval());
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
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
        feed = getEndpoint().feed(search);
        int prefetch = configuration.getPrefetchPages();
        if (prefetch > 0) {
            prefetchExecutor = getEndpoint().newReadAheadPool(this, "ScenarioPrefetch", prefetch + 1);
        }
        if (ScenarioContent.of(configuration, ScenarioOperation.search) != ScenarioContent.none) {
            content = new BatchContent(ContentReadAhead.of(getEndpoint(), this));
        }
        if (crawl == null && getRouteId() != null) {
            // the route was stopped and started again: a new consumer, the same crawl
            crawl = feed.unpark(getRouteId());
        }
        resumeCrawl();
        // last: this schedules the first poll
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().consumerStopped(this);
        Crawl c = crawl;
        if (c != null) {
            c.pages.suspend();
            if (getRouteId() != null) {
                feed.park(getRouteId(), c);
            } else {
                c.abandon(); // a template or pollEnrich: nobody goes on with it
                crawl = null;
            }
        }
        super.doStop();
        if (prefetchExecutor != null) {
            getEndpoint().shutdownReadAheadPool(prefetchExecutor);
            prefetchExecutor = null;
        }
        if (content != null) {
            // aborts what is downloading and deletes every file no exchange took
            content.close();
            content = null;
        }
    }

    @Override
    protected void doSuspend() throws Exception {
        Crawl c = crawl;
        if (c != null && !completingAllTasks()) {
            c.pages.suspend();
        }
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        resumeCrawl();
        super.doResume();
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
        shutdownRunningTask = null; // reset for each poll
        pendingExchanges = 0;
        Crawl c = crawlForThisPoll();
        int cap = getMaxMessagesPerPoll();
        int sent = 0;
        try {
            while (mayEmit() && (cap <= 0 || sent < cap)) {
                List<Crawl.Entry> batch = c.nextBatch(cap <= 0 ? Integer.MAX_VALUE : cap - sent);
                if (batch != null || c.pages.isComplete()) {
                    // the API answered: ready, even while a long first crawl is still being walked
                    forceConsumerAsReady();
                }
                if (batch == null) {
                    break;
                }
                int n = sendBatch(c, batch);
                sent += n;
                if (n < batch.size()) {
                    break; // the route stops
                }
            }
        } catch (Exception e) {
            pollFailed(c, e);
            throw e;
        } finally {
            pendingExchanges = 0;
        }
        statistics.pollSucceeded();
        c.pollEnded();
        return sent;
    }

    /** The crawl this poll continues: the current one, else a new one (catch-up or full). */
    private Crawl crawlForThisPoll() {
        Crawl c = crawl;
        if (schedule.takeFreshRequest() && c != null) {
            c.abandon(); // also cancels its requests in flight
            c = null;
        }
        if (c == null || c.isWalked()) {
            // a route's crawls have one walker, whichever consumer the route has now; a template's are its own
            Object walker = getRouteId() != null ? getRouteId() : this;
            String name = getRouteId() != null ? "route " + getRouteId() : getEndpoint().getEndpointBaseUri();
            c = new Crawl(feed, walker, schedule.next(), schedule.marks(), name, statistics, caughtUp -> new PageCrawl(
                    getEndpoint().getClient(), search, configuration.getMaxResults(), configuration.getPrefetchPages(),
                    prefetchExecutor, configuration.getRetryInitialDelay(), caughtUp));
            crawl = c;
            statistics.crawlStarted();
        }
        return c;
    }

    private void pollFailed(Crawl c, Exception e) {
        // shown by the consumer's health check until a poll succeeds
        ScenarioConsumerHealthCheck.failureDetails(e, c.pages.getPage()).forEach(this::addLastErrorDetail);
        statistics.pollFailed(e, c.pages.getPage());
    }

    /**
     * Sends one read's hits as a batch (their files downloading ahead, with content); what the route did not take (it
     * stops) goes back to the crawl, its downloads discarded.
     */
    private int sendBatch(Crawl c, List<Crawl.Entry> batch) throws Exception {
        // read once: a forced stop may clear it while this poll still runs
        BatchContent files = content;
        Queue<Object> exchanges = new ArrayDeque<>(batch.size());
        batchSent = 0;
        try {
            for (Crawl.Entry e : batch) {
                exchanges.add(createExchange(e));
                if (files != null) {
                    files.submit(e.hit.asset());
                }
            }
            batchFiles = files;
            processBatch(exchanges);
            return batchSent;
        } finally {
            batchFiles = null;
            // whatever stopped it, no hit is left behind: what the route did not get goes back to the crawl
            if (batchSent < batch.size()) {
                exchanges.forEach(x -> releaseExchange((Exchange) x, false));
                c.giveBack(batch.subList(batchSent, batch.size()));
            }
            if (files != null) {
                files.discardRest();
            }
        }
    }

    private Exchange createExchange(Crawl.Entry entry) {
        Exchange exchange = createExchange(false);
        entry.describe(exchange.getMessage());
        exchange.getExchangeExtension().addOnCompletion(entry);
        return exchange;
    }

    /**
     * Sends the exchanges in order with the batch properties ({@code CamelBatchSize} exact on each); stops early when
     * the route stops. While a {@code CompleteAllTasks} shutdown waits, the pending count says what is still to come.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int size = exchanges.size();
        int sent = 0;
        Crawl c = crawl;
        while (sent < size && mayEmit()) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, sent);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, sent == size - 1);
            if (batchFiles != null && !batchFiles.fill(exchange)) {
                releaseExchange(exchange, false); // stopping while it waited for its file
                break;
            }
            // one more to come while the crawl has more: a CompleteAllTasks shutdown waits for the poll's end
            pendingExchanges = size - sent - 1 + (c != null && !c.pages.isComplete() ? 1 : 0);
            statistics.exchangeSent();
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            sent++;
            batchSent = sent;
        }
        return sent;
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
        return CrawlSnapshot.of(c, statistics, getEndpoint().getTraffic(),
                feed == null ? null : feed.repository());
    }

    @Override
    public void startFreshCrawl() {
        schedule.requestFresh();
    }

    /** The crawl of this consumer; {@code null} before its first poll. */
    Crawl getCrawl() {
        return crawl;
    }
}
