package io.github.camelscenario.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.RetryPolicy;
import io.github.camelscenario.scenario.client.ScenarioClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.IOHelper;

/**
 * Search Scenario assets by text, filter or similar image: as a producer, one page or a lazy stream over every page;
 * as a consumer, one exchange per hit, optionally only assets not seen before.
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

    /** The operation: {@code search} (assets). */
    @UriPath
    @Metadata(required = true)
    private ScenarioOperation operation;

    @UriParam
    private ScenarioConfiguration configuration;

    private ScenarioClient client;
    private boolean ownsClient;
    private SearchRequestBinding binding;
    /**
     * Crawls of stopped routes, by route id. A route started again gets a new consumer, which takes its route's crawl
     * from here and goes on where the last one stopped; consumers without a route (templates, pollEnrich) keep theirs.
     */
    private final Map<String, ScenarioConsumer.Crawl> parkedCrawls = new ConcurrentHashMap<>();
    /** What operators see (dev console, health checks, JMX): attempts of this endpoint's client, producer outcomes. */
    private final ScenarioTraffic traffic = new ScenarioTraffic();
    private final SearchOutcomes searchOutcomes = new SearchOutcomes();
    private final Set<ScenarioConsumer> consumers = ConcurrentHashMap.newKeySet();

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
        binding = new SearchRequestBinding(configuration);
        retryPolicy();
        if (configuration.getMaxResults() < 0) {
            throw new IllegalArgumentException(
                    "Invalid option 'maxResults' = " + configuration.getMaxResults() + ": must be 0 (no cap) or more");
        }
        Integer prefetch = configuration.getPrefetchPages();
        if (prefetch != null && (prefetch < 0 || prefetch > 16)) {
            throw new IllegalArgumentException("Invalid option 'prefetchPages' = " + configuration.getPrefetchPages()
                                               + ": must be between 0 and 16");
        }
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("Invalid option 'maxMessagesPerPoll' = "
                                               + configuration.getMaxMessagesPerPoll() + ": must be 0 (no cap) or more");
        }
        if ((configuration.getProxyHost() == null) != (configuration.getProxyPort() == null)) {
            throw new IllegalArgumentException("Options 'proxyHost' and 'proxyPort' go together: set both or neither");
        }
        if (configuration.getScenarioClient() == null
                && (configuration.getApiKey() == null) != (configuration.getApiSecret() == null)) {
            throw new IllegalArgumentException("Option '" + (configuration.getApiKey() == null ? "apiKey" : "apiSecret")
                                               + "' is missing: Scenario authenticates with both apiKey and apiSecret");
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        return new ScenarioProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
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

    private ScenarioClient buildClient() {
        HttpScenarioClient.Builder b = HttpScenarioClient.builder()
                .baseUrl(configuration.getBaseUrl())
                .credentials(configuration.getApiKey(), configuration.getApiSecret())
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(configuration.getResponseTimeout()))
                .retryPolicy(retryPolicy())
                .listener(traffic)
                // one connection per page in flight, plus room for producers sharing the endpoint
                .maxConnections(Math.max(20, configuration.effectivePrefetchPages(true) + 2));
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
        if (configuration.getHttpClientConfigurer() != null) {
            b.customizer(configuration.getHttpClientConfigurer()::configureHttpClient);
        }
        return b.build();
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()));
    }

    void parkCrawl(String routeId, ScenarioConsumer.Crawl crawl) {
        parkedCrawls.put(routeId, crawl);
    }

    ScenarioConsumer.Crawl takeParkedCrawl(String routeId) {
        return parkedCrawls.remove(routeId);
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
        // a stopped endpoint starts its next crawls afresh
        parkedCrawls.clear();
        synchronized (this) {
            if (ownsClient) {
                IOHelper.close(client);
            }
            client = null;
        }
    }

    @Override
    public ScenarioComponent getComponent() {
        return (ScenarioComponent) super.getComponent();
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
