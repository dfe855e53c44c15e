package io.github.camelscenario.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelscenario.scenario.client.ScenarioApiException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The consumer's readiness, as Camel's health-check registry reports it (id {@code consumer:<routeId>}, like every
 * polling consumer's): Camel's rules (UP once the consumer is ready, which this consumer is once the first page
 * answered; DOWN while polls fail), plus where the crawl stands and, when DOWN, what the API answered (status, error
 * code, page). It never calls the API: searches are metered.
 */
public class ScenarioConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    /** The API's error code of the failed page, when it sent one. */
    public static final String ERROR_CODE = "scenario.error.code";
    /** The page that failed. */
    public static final String FAILED_PAGE = "scenario.page";
    /** The page the crawl stands at. */
    public static final String CRAWL_PAGE = "scenario.crawl.page";
    /** Page requests of the current crawl. */
    public static final String CRAWL_REQUESTS = "scenario.crawl.requests";
    /** Retries and 429 answers of the endpoint's client. */
    public static final String RETRIES = "scenario.retries";
    public static final String RATE_LIMITED = "scenario.rate.limited";

    private final ScenarioConsumer consumer;

    public ScenarioConsumerHealthCheck(ScenarioConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    /** What a failed poll adds to the check's details until a poll succeeds: the page, and the API's status and code. */
    static Map<String, Object> failureDetails(Exception e, int page) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(FAILED_PAGE, page);
        if (e instanceof ScenarioApiException api) {
            details.put(HealthCheck.HTTP_RESPONSE_CODE, api.getStatusCode());
            if (api.getErrorCode() != null) {
                details.put(ERROR_CODE, api.getErrorCode());
            }
        }
        return details;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result camel = super.call(options);
        CrawlSnapshot crawl = consumer.getCrawlSnapshot();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(camel.getState());
        camel.getMessage().ifPresent(builder::message);
        camel.getError().ifPresent(builder::error);
        builder.details(camel.getDetails());
        builder.detail(CRAWL_PAGE, crawl.page());
        builder.detail(CRAWL_REQUESTS, crawl.pageRequests());
        builder.detail(RETRIES, crawl.retries());
        builder.detail(RATE_LIMITED, crawl.rateLimited());
        return builder.build();
    }
}
