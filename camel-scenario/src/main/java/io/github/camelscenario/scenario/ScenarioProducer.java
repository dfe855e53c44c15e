package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;

import io.github.camelscenario.scenario.client.ScenarioApiException;
import io.github.camelscenario.scenario.client.SearchHitIterator;
import io.github.camelscenario.scenario.client.SearchPage;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a search per exchange. The body becomes the page's hits ({@code List<Asset>}), or with {@code allPages} a lazy
 * {@link SearchHitIterator} over every hit (reading {@code prefetchPages} pages ahead when set); paging totals go to
 * headers.
 * <p>
 * Stopping the producer (its route, a {@code ProducerTemplate}, the context, or a {@code toD} cache evicting it) stops
 * the iterators it handed out that are still open: their next page ends with a {@code CrawlStoppedException} rather
 * than a wait on a pool that is gone.
 */
public class ScenarioProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioProducer.class);

    /** Runs the requests ahead of allPages iterators; only when allPages and prefetchPages ask for it. */
    private volatile ExecutorService prefetchExecutor;
    /** allPages iterators handed out, to stop on doStop; weak: one dropped unfinished by its route is not kept. */
    private final Set<SearchHitIterator> iterators =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private ScenarioProducerHealthCheck healthCheck;

    public ScenarioProducer(ScenarioEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheck = ScenarioProducerHealthCheck.register(getEndpoint());
        ScenarioConfiguration configuration = getEndpoint().getConfiguration();
        int prefetch = configuration.getPrefetchPages();
        if (configuration.isAllPages() && prefetch > 0) {
            // shared by the iterators of concurrent exchanges: it also bounds how many requests this endpoint sends
            // ahead at once, whatever the number of exchanges
            prefetchExecutor = getEndpoint().newReadAheadPool(this, "ScenarioAllPagesPrefetch", prefetch + 1);
        }
    }

    @Override
    protected void doStop() throws Exception {
        // first the crawls, so that none takes the pool's shutdown for an answer or asks it again
        String reason = "its producer for " + getEndpoint().getEndpointBaseUri() + " stopped (route, ProducerTemplate "
                        + "or CamelContext stopping, or a toD cache evicting it)";
        List<SearchHitIterator> open;
        synchronized (iterators) {
            open = new ArrayList<>(iterators);
            iterators.clear();
        }
        open.forEach(it -> it.stop(reason));
        ExecutorService pool = prefetchExecutor;
        prefetchExecutor = null;
        if (pool != null) {
            getEndpoint().shutdownReadAheadPool(pool);
        }
        ScenarioProducerHealthCheck.unregister(getEndpoint().getCamelContext(), healthCheck);
        healthCheck = null;
        super.doStop();
    }

    @Override
    public ScenarioEndpoint getEndpoint() {
        return (ScenarioEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        try {
            search(exchange);
        } catch (IOException | UncheckedIOException | ScenarioApiException e) {
            // what the producer's health check reports, without an API call of its own
            getEndpoint().getSearchOutcomes().failed(e instanceof UncheckedIOException u ? u.getCause() : e);
            throw e;
        }
        getEndpoint().getSearchOutcomes().succeeded();
    }

    private void search(Exchange exchange) throws Exception {
        ScenarioEndpoint endpoint = getEndpoint();
        SearchRequest request = endpoint.getBinding().toRequest(exchange);
        LOG.debug("Searching Scenario: {}", request);
        Message out = exchange.getMessage();
        ScenarioConfiguration configuration = endpoint.getConfiguration();
        if (configuration.isAllPages()) {
            SearchHitIterator hits = new SearchHitIterator(endpoint.getClient(), request, configuration.getMaxResults(),
                    configuration.getPrefetchPages(), prefetchExecutor, configuration.getRetryInitialDelay());
            iterators.add(hits);
            // the first page is fetched now: a bad filter or bad credentials fail this exchange, not the splitter,
            // and the totals are known for the headers
            try {
                hits.fetchFirst();
            } catch (Exception e) {
                hits.close();
                iterators.remove(hits);
                throw e;
            }
            out.setBody(hits);
            if (hits.getFirstTotals() != null) {
                setPagingHeaders(out, hits.getFirstTotals());
            }
        } else {
            SearchPage page = endpoint.getClient().search(request);
            out.setBody(page.getHits());
            setPagingHeaders(out, page);
        }
    }

    static void setPagingHeaders(Message message, SearchPage page) {
        setIfPresent(message, ScenarioConstants.TOTAL_HITS, page.getTotalHits());
        setIfPresent(message, ScenarioConstants.TOTAL_PAGES, page.getTotalPages());
        setIfPresent(message, ScenarioConstants.ESTIMATED_TOTAL_HITS, page.getEstimatedTotalHits());
        setIfPresent(message, ScenarioConstants.RESULT_PAGE, page.getPage());
        setIfPresent(message, ScenarioConstants.RESULT_HITS_PER_PAGE, page.getHitsPerPage());
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            // a stale value from an earlier search on this exchange would be a wrong answer
            message.removeHeader(header);
        }
    }
}
