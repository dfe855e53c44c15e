package io.github.camelscenario.scenario;

import java.util.Arrays;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Scenario asset search and downloads: {@code scenario:search[?options]}, {@code scenario:download[?options]}. A {@link HealthCheckComponent}: its consumers' and
 * producers' health checks can be turned off with {@code healthCheckConsumerEnabled} / {@code healthCheckProducerEnabled}.
 */
@Component(ScenarioConstants.SCHEME)
public class ScenarioComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** Defaults for every endpoint of this component, credentials included. */
    @Metadata
    private ScenarioConfiguration configuration = new ScenarioConfiguration();

    /**
     * Milliseconds (in the endpoint's timeUnit) between the polls of every consumer of this component whose URI does not
     * set delay. A poll walks the crawl from where it stands, so the default is one minute rather than Camel's 500 ms.
     */
    @Metadata(label = "consumer,scheduler", defaultValue = "" + ScenarioEndpoint.DEFAULT_CONSUMER_DELAY)
    private long delay = ScenarioEndpoint.DEFAULT_CONSUMER_DELAY;

    /** Use the global SSLContextParameters of the CamelContext when an endpoint sets none. */
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    /** HTTP clients and pools shared by this component's endpoints, one per set of transport options. */
    private final SharedHttpTransports httpTransports = new SharedHttpTransports();

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        // as soon as the component joins a context: Camel Main prints its configuration summary, apiSecret included,
        // right after it has set the component's properties
        if (camelContext != null) {
            SensitiveOptions.register(camelContext);
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // again, in case camel.main.additional-sensitive-keywords replaced the list after this component joined
        SensitiveOptions.register(getCamelContext());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ScenarioOperation operation = operation(remaining);
        DownloadOptions.refuseInUri(operation, parameters);
        ScenarioConfiguration endpointConfiguration = configuration.copy();
        ScenarioEndpoint endpoint = new ScenarioEndpoint(uri, this, operation, endpointConfiguration);
        // the component's delay is the default; a delay in the URI replaces it
        endpoint.setDelay(delay);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validateOptions();
        return endpoint;
    }

    private static ScenarioOperation operation(String remaining) {
        String name = remaining == null ? "" : remaining.trim();
        for (ScenarioOperation op : ScenarioOperation.values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown Scenario operation '" + name + "' in the URI path: use one of "
                                           + Arrays.toString(ScenarioOperation.values()) + ", e.g. scenario:search");
    }

    SharedHttpTransports getHttpTransports() {
        return httpTransports;
    }

    @Override
    protected void doStop() throws Exception {
        // endpoints let go of their pools when they stop; this closes what a never-stopped endpoint still holds
        httpTransports.closeAll();
        super.doStop();
    }

    public ScenarioConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ScenarioConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getDelay() {
        return delay;
    }

    public void setDelay(long delay) {
        this.delay = delay;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
