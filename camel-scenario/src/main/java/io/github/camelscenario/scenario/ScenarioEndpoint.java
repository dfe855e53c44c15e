package io.github.camelscenario.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.github.camelscenario.scenario.client.AssetDownloader;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.HttpTransport;
import io.github.camelscenario.scenario.client.RetryPolicy;
import io.github.camelscenario.scenario.client.ScenarioClient;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Search Scenario assets by text, filter or similar image: as a producer, one page or a lazy stream over every page;
 * as a consumer, one exchange per hit, optionally only assets not seen before. Download an asset's file or thumbnail
 * as the body.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ScenarioConstants.SCHEME, title = "Scenario",
             syntax = "scenario:operation", category = { Category.SEARCH, Category.AI },
             headersClass = ScenarioConstants.class)
public class ScenarioEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumer's default delay between polls: each poll may walk a whole crawl, so once a minute, not 500 ms. */
    public static final long DEFAULT_CONSUMER_DELAY = 60_000;

    /**
     * Milliseconds before the next poll. A poll walks the crawl from where it stands (a whole crawl unless
     * maxMessagesPerPoll caps it), so the default is one minute rather than Camel's 500 ms.
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_CONSUMER_DELAY)
    private long delay = DEFAULT_CONSUMER_DELAY;

    /** The operation: {@code search} (assets) or {@code download} (an asset's file or thumbnail, producer only). */
    @UriPath
    @Metadata(required = true)
    private ScenarioOperation operation;

    @UriParam
    private ScenarioConfiguration configuration;

    private ScenarioClient client;
    private boolean ownsClient;
    /** This endpoint's hold on the component's shared HTTP pool, while it has a client built from the options. */
    private SharedHttpTransports.Lease transportLease;
    private SearchRequestBinding binding;
    /** What this endpoint's consumers delivered and have in flight; lives until the endpoint stops. */
    private Feed feed;
    /** What operators see (dev console, health checks, JMX): attempts of this endpoint's client, producer outcomes. */
    private final ScenarioTraffic traffic = new ScenarioTraffic();
    private final SearchOutcomes searchOutcomes = new SearchOutcomes();
    private final Set<ScenarioConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final EndpointDownloads downloads = new EndpointDownloads(this);

    public ScenarioEndpoint(String uri, ScenarioComponent component, ScenarioOperation operation,
                            ScenarioConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    /** Fails fast on option values that can never work, naming the option, the value and the rule. */
    void validateOptions() {
        DownloadOptions.validate(operation, configuration);
        binding = new SearchRequestBinding(configuration);
        new EndpointOptionChecks(configuration, getCamelContext()).check(binding.fromOptions(), getDelay());
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation == ScenarioOperation.download) {
            return new ScenarioDownloadProducer(this);
        }
        DownloadOptions.validateSearchProducer(configuration);
        return new ScenarioProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation == ScenarioOperation.download) {
            throw new IllegalArgumentException("scenario:download is a producer only: to receive files, consume "
                                               + "scenario:search?content=file");
        }
        ScenarioConsumer consumer = new ScenarioConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The client this endpoint searches with: the injected one, else one built from the options on first use. */
    public synchronized ScenarioClient getClient() {
        if (client == null) {
            if (configuration.getScenarioClient() != null) {
                client = configuration.getScenarioClient();
                ownsClient = false;
            } else {
                client = buildClient();
                ownsClient = true;
            }
        }
        return client;
    }

    /**
     * A client with this endpoint's credentials and baseUrl, sending through the component's HTTP pool for these
     * transport options (shared with every endpoint that has the same ones).
     */
    private ScenarioClient buildClient() {
        // one connection per page in flight, plus room for producers sharing the endpoint
        int connections = Math.max(20, configuration.getPrefetchPages() + 2);
        SharedHttpTransports.Lease lease = getComponent().getHttpTransports()
                .acquire(SharedHttpTransports.Key.of(configuration), connections, this::buildTransport);
        try {
            ScenarioClient built = HttpScenarioClient.builder()
                    .baseUrl(configuration.getBaseUrl())
                    .credentials(configuration.getApiKey(), configuration.getApiSecret())
                    .retryPolicy(retryPolicy())
                    .listener(traffic)
                    .transport(lease.transport())
                    .build();
            transportLease = lease;
            return built;
        } catch (RuntimeException e) {
            getComponent().getHttpTransports().release(lease);
            throw e;
        }
    }

    private HttpTransport buildTransport() {
        HttpTransport.Builder b = transportSettings();
        if (configuration.getHttpClientConfigurer() != null) {
            b.customizer(configuration.getHttpClientConfigurer()::configureHttpClient);
        }
        return b.build();
    }

    /** Timeouts, proxy and TLS, without the httpClientConfigurer: all that file downloads take from the options. */
    HttpTransport.Builder transportSettings() {
        HttpTransport.Builder b = HttpTransport.builder()
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(configuration.getResponseTimeout()))
                .connectionRequestTimeout(Duration.ofMillis(configuration.getConnectionRequestTimeout()));
        if (configuration.getProxyHost() != null) {
            b.proxy(configuration.getProxyHost(), configuration.getProxyPort());
        }
        if (configuration.getSslContextParameters() != null) {
            try {
                b.sslContext(configuration.getSslContextParameters().createSSLContext(getCamelContext()));
            } catch (Exception e) {
                throw new IllegalArgumentException("Cannot create the SSLContext from sslContextParameters: "
                                                   + e.getMessage(), e);
            }
        }
        return b;
    }

    /** The downloader of this endpoint's files and thumbnails, built on first use, closed when the endpoint stops. */
    public AssetDownloader getDownloader() {
        return downloads.get();
    }

    @Override
    public ScenarioComponent getComponent() {
        return (ScenarioComponent) super.getComponent();
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()));
    }

    /**
     * The feed of this endpoint's consumers, started on first use: a route stopped and started again, or another
     * consumer of this endpoint, finds what was delivered and the crawl it left.
     */
    synchronized Feed feed(SearchRequest search) throws Exception {
        if (feed == null) {
            feed = Feed.start(getCamelContext(), configuration, search);
        }
        return feed;
    }

    /**
     * A fixed pool for the reads a crawl requests ahead, rejecting visibly once shut down: Camel's default profile
     * says CallerRuns, which silently drops a task sent to a pool shut down, and a crawl would wait for it.
     */
    ExecutorService newReadAheadPool(Object source, String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        // unbounded (Camel reads 0 or less as no queue at all): the pool bounds the requests sent at once, the windows
        // bound what waits
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return getCamelContext().getExecutorServiceManager().newThreadPool(source, name, profile);
    }

    /**
     * Shuts a pool from {@link #newReadAheadPool} down at once, cancelling the reads it took off its queue: a crawl
     * waiting for one of them then ends its wait instead of waiting for a run that will never come.
     */
    void shutdownReadAheadPool(ExecutorService pool) {
        for (Runnable drained : getCamelContext().getExecutorServiceManager().shutdownNow(pool)) {
            if (drained instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }

    /** How exchanges become requests; built from the options when the endpoint is created, or on first use. */
    synchronized SearchRequestBinding getBinding() {
        if (binding == null) {
            binding = new SearchRequestBinding(configuration);
        }
        return binding;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        downloads.close();
        synchronized (this) {
            // a stopped endpoint starts its next crawls afresh, on a new default repository
            if (feed != null) {
                feed.stop();
                feed = null;
            }
            if (ownsClient) {
                IOHelper.close(client);
            }
            client = null;
            if (transportLease != null) {
                getComponent().getHttpTransports().release(transportLease);
                transportLease = null;
            }
        }
    }

    /** Where this endpoint's searches go, for Camel's tooling: {@code baseUrl} without any user info. */
    @Override
    public String getServiceUrl() {
        return ServiceLocations.withoutUserInfo(configuration.getBaseUrl());
    }

    @Override
    public String getServiceProtocol() {
        return ServiceLocations.scheme(configuration.getBaseUrl());
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("operation", String.valueOf(operation));
    }

    public ScenarioTraffic getTraffic() {
        return traffic;
    }

    public SearchOutcomes getSearchOutcomes() {
        return searchOutcomes;
    }

    /** The consumers of this endpoint that are started (routes, templates). */
    public Set<ScenarioConsumer> getConsumers() {
        return Set.copyOf(consumers);
    }

    void consumerStarted(ScenarioConsumer consumer) {
        consumers.add(consumer);
    }

    void consumerStopped(ScenarioConsumer consumer) {
        consumers.remove(consumer);
    }

    public ScenarioOperation getOperation() {
        return operation;
    }

    public void setOperation(ScenarioOperation operation) {
        this.operation = operation;
    }

    public ScenarioConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ScenarioConfiguration configuration) {
        this.configuration = configuration;
    }
}
