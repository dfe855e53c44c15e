package io.github.camelscenario.scenario;

import io.github.camelscenario.scenario.client.BaseUrls;
import io.github.camelscenario.scenario.client.SearchRequest;
import io.github.camelscenario.scenario.client.SearchRequestValidator;
import org.apache.camel.CamelContext;

/**
 * The rules an endpoint's options must keep, checked when the endpoint is created so that a value that can never work
 * stops the route from starting instead of failing every exchange. Each error names the option, the value (never a
 * secret) and the rule.
 */
final class EndpointOptionChecks {

    private final ScenarioConfiguration configuration;
    private final CamelContext context;

    EndpointOptionChecks(ScenarioConfiguration configuration, CamelContext context) {
        this.configuration = configuration;
        this.context = context;
    }

    /**
     * @param fromOptions the search the options alone describe
     * @param delay       the consumer's delay between polls, in {@code timeUnit}s
     */
    void check(SearchRequest fromOptions, long delay) {
        // a body field or header can replace an option's value, never remove it: such a clash fails every exchange
        new SearchRequestValidator(field -> "option '" + field + "'").validateIrreparable(fromOptions);
        checkWaits(delay);
        checkRanges();
        checkTransport();
        checkCredentials();
    }

    /** What the HTTP client would refuse when it is built, on the first exchange. */
    private void checkTransport() {
        String baseUrl = configuration.getBaseUrl();
        String problem = BaseUrls.problem(baseUrl);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "Invalid option 'baseUrl' = " + (baseUrl == null ? "null" : "'" + BaseUrls.shown(baseUrl) + "'")
                                               + ": " + problem);
        }
        String proxyHost = configuration.getProxyHost();
        Integer proxyPort = configuration.getProxyPort();
        if ((proxyHost == null) != (proxyPort == null)) {
            throw new IllegalArgumentException("Options 'proxyHost' and 'proxyPort' go together: set both or neither");
        }
        if (proxyHost != null && proxyHost.isBlank()) {
            throw new IllegalArgumentException("Invalid option 'proxyHost' = '" + proxyHost + "': must not be blank");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException(
                    "Invalid option 'proxyPort' = " + proxyPort + ": must be between 1 and 65535");
        }
        if (configuration.getSslContextParameters() != null && configuration.getScenarioClient() == null) {
            try {
                configuration.getSslContextParameters().createSSLContext(context);
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "Invalid option 'sslContextParameters': cannot create its SSLContext: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Options that bound a wait. 0 is no bound at all in HttpClient 5 (a request that may hang forever), and for the
     * retry delays a retry without a pause, which hammers an API that is failing or rate limiting.
     */
    private void checkWaits(long delay) {
        positiveMillis("connectTimeout", configuration.getConnectTimeout(), "0 would wait for a connection without bound");
        positiveMillis("responseTimeout", configuration.getResponseTimeout(), "0 would wait for an answer without bound");
        positiveMillis("connectionRequestTimeout", configuration.getConnectionRequestTimeout(),
                "0 would wait for a pooled connection without bound");
        positiveMillis("retryInitialDelay", configuration.getRetryInitialDelay(),
                "a retry must wait before it asks again");
        positiveMillis("retryMaxDelay", configuration.getRetryMaxDelay(), "a retry must wait before it asks again");
        if (configuration.getRetryMaxDelay() < configuration.getRetryInitialDelay()) {
            throw new IllegalArgumentException("Invalid option 'retryMaxDelay' = " + configuration.getRetryMaxDelay()
                                               + " ms: must be at least retryInitialDelay ("
                                               + configuration.getRetryInitialDelay() + " ms)");
        }
        if (configuration.getFullCrawlInterval() < 0) {
            throw new IllegalArgumentException("Invalid option 'fullCrawlInterval' = "
                                               + configuration.getFullCrawlInterval()
                                               + " ms: must be 0 (every poll a full crawl) or more");
        }
        if (delay <= 0) {
            // Camel's scheduler would refuse it only when the route starts, with no message
            throw new IllegalArgumentException("Invalid option 'delay' = " + delay
                                               + ": must be more than 0 (in timeUnit, milliseconds by default)");
        }
    }

    private static void positiveMillis(String option, long value, String why) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "Invalid option '" + option + "' = " + value + " ms: must be more than 0 ms (" + why + ")");
        }
    }

    private void checkRanges() {
        if (configuration.getMaxRetries() < 0) {
            throw new IllegalArgumentException(
                    "Invalid option 'maxRetries' = " + configuration.getMaxRetries() + ": must be 0 (no retry) or more");
        }
        if (configuration.getMaxResults() < 0) {
            throw new IllegalArgumentException(
                    "Invalid option 'maxResults' = " + configuration.getMaxResults() + ": must be 0 (no cap) or more");
        }
        int prefetch = configuration.getPrefetchPages();
        if (prefetch < 0 || prefetch > 16) {
            throw new IllegalArgumentException(
                    "Invalid option 'prefetchPages' = " + prefetch + ": must be between 0 and 16");
        }
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("Invalid option 'maxMessagesPerPoll' = "
                                               + configuration.getMaxMessagesPerPoll() + ": must be 0 (no cap) or more");
        }
    }

    /**
     * Without credentials every search would be answered 401: say so now. An injected scenarioClient or
     * httpClientConfigurer may authenticate on its own (a JWT, a signing interceptor), so either lifts the rule.
     */
    private void checkCredentials() {
        if (configuration.getScenarioClient() != null) {
            return;
        }
        boolean hasKey = !isBlank(configuration.getApiKey());
        boolean hasSecret = !isBlank(configuration.getApiSecret());
        if (hasKey != hasSecret) {
            throw new IllegalArgumentException("Option '" + (hasKey ? "apiSecret" : "apiKey")
                                               + "' is missing: Scenario authenticates with both apiKey and apiSecret");
        }
        if (!hasKey && configuration.getHttpClientConfigurer() == null) {
            throw new IllegalArgumentException(
                    "No Scenario credentials: set options 'apiKey' and 'apiSecret' (once for all endpoints: "
                                               + "camel.component.scenario.api-key and camel.component.scenario.api-secret), "
                                               + "or inject a 'scenarioClient' or an 'httpClientConfigurer' that "
                                               + "authenticates");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
