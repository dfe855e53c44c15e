package io.github.camelscenario.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * Dev console {@code scenario}: per endpoint where it searches and its options (never a secret: options are listed by
 * name, credentials only as set or not), what its producers' searches did, and per consumer where its crawl stands
 * (position, prefetch window, requests, retries, 429s, last error and when, onlyNew repository size).
 */
@DevConsole(name = "scenario", displayName = "Scenario", description = "Scenario asset search endpoints and crawls")
public class ScenarioConsole extends AbstractDevConsole {

    /** Longest option value shown; an image given as a data URL can be megabytes. */
    static final int MAX_VALUE_LENGTH = 80;

    public ScenarioConsole() {
        super("camel", "scenario", "Scenario", "Scenario asset search endpoints and crawls");
    }

    private List<ScenarioEndpoint> endpoints() {
        List<ScenarioEndpoint> answer = new ArrayList<>();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof ScenarioEndpoint se) {
                answer.add(se);
            }
        }
        return answer;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (ScenarioEndpoint endpoint : endpoints()) {
            sb.append("Endpoint ").append(endpoint.getEndpointBaseUri()).append(" -> ")
                    .append(endpoint.getServiceUrl()).append('\n');
            sb.append("    options: ").append(options(endpoint)).append('\n');
            SearchOutcomes producer = endpoint.getSearchOutcomes();
            if (producer.getSearches() > 0) {
                sb.append("    producer searches: ").append(producer.getSearches()).append(", failed: ")
                        .append(producer.getFailures()).append(failureText(producer.getLastFailure())).append('\n');
            }
            for (ScenarioConsumer consumer : endpoint.getConsumers()) {
                CrawlSnapshot c = consumer.getCrawlSnapshot();
                sb.append("    consumer (route ").append(consumer.getRouteId()).append(")\n");
                sb.append(String.format("        crawl (%s): page %d, offset %d, %d hit(s) walked, %d page request(s), "
                                        + "%d keyset window(s) past the first, window %d, %d page(s) in flight%s%n",
                        c.crawlKind() == null ? "none yet" : c.crawlKind(), c.page(), c.offset(), c.hitsWalked(),
                        c.pageRequests(), c.keysetWindows(), c.window(), c.pagesInFlight(),
                        c.crawlComplete() ? ", complete" : ""));
                sb.append(String.format("        crawls started %d, completed %d; exchanges sent %d; polls failed %d%n",
                        c.crawlsStarted(), c.crawlsCompleted(), c.exchangesSent(), c.pollsFailed()));
                sb.append(String.format("        http answers %d, retries %d, 429s %d%n", c.httpAnswers(), c.retries(),
                        c.rateLimited()));
                if (c.repositoryType() != null) {
                    sb.append("        onlyNew repository: ").append(c.repositoryType())
                            .append(c.repositorySize() == null ? "" : ", " + c.repositorySize()
                                    + " entries (delivered ids and crawl marks, of every feed on it)").append('\n');
                }
                sb.append("        last successful poll: ").append(c.lastSuccessfulPoll() == null ? "none"
                        : c.lastSuccessfulPoll().toString()).append(failureText(c.lastFailure())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String failureText(SearchFailure f) {
        if (f == null) {
            return "";
        }
        return "; last error at " + f.at() + (f.status() == null ? "" : " (HTTP " + f.status() + ")")
               + (f.errorCode() == null ? "" : " [" + f.errorCode() + "]")
               + (f.page() == null ? "" : " page " + f.page()) + ": " + f.message();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScenarioEndpoint endpoint : endpoints()) {
            Map<String, Object> jo = new LinkedHashMap<>();
            jo.put("uri", endpoint.getEndpointBaseUri());
            jo.put("serviceUrl", endpoint.getServiceUrl());
            jo.put("options", options(endpoint));
            SearchOutcomes producer = endpoint.getSearchOutcomes();
            Map<String, Object> po = new LinkedHashMap<>();
            po.put("searches", producer.getSearches());
            po.put("failures", producer.getFailures());
            putIfSet(po, "lastSuccess", producer.getLastSuccess());
            putIfSet(po, "lastError", failureJson(producer.getLastFailure()));
            jo.put("producer", po);
            List<Map<String, Object>> consumers = new ArrayList<>();
            for (ScenarioConsumer consumer : endpoint.getConsumers()) {
                consumers.add(consumerJson(consumer));
            }
            jo.put("consumers", consumers);
            list.add(jo);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("endpoints", list);
        return root;
    }

    private static Map<String, Object> consumerJson(ScenarioConsumer consumer) {
        CrawlSnapshot c = consumer.getCrawlSnapshot();
        Map<String, Object> jo = new LinkedHashMap<>();
        putIfSet(jo, "routeId", consumer.getRouteId());
        putIfSet(jo, "crawlKind", c.crawlKind());
        jo.put("keysetWindows", c.keysetWindows());
        jo.put("page", c.page());
        jo.put("offset", c.offset());
        jo.put("hitsWalked", c.hitsWalked());
        jo.put("pageRequests", c.pageRequests());
        jo.put("window", c.window());
        jo.put("pagesInFlight", c.pagesInFlight());
        jo.put("crawlComplete", c.crawlComplete());
        jo.put("crawlsStarted", c.crawlsStarted());
        jo.put("crawlsCompleted", c.crawlsCompleted());
        jo.put("exchangesSent", c.exchangesSent());
        jo.put("pollsFailed", c.pollsFailed());
        jo.put("httpAnswers", c.httpAnswers());
        jo.put("retries", c.retries());
        jo.put("rateLimited", c.rateLimited());
        putIfSet(jo, "lastSuccessfulPoll", c.lastSuccessfulPoll());
        putIfSet(jo, "lastError", failureJson(c.lastFailure()));
        putIfSet(jo, "idempotentRepository", c.repositoryType());
        putIfSet(jo, "idempotentRepositorySize", c.repositorySize());
        return jo;
    }

    private static Map<String, Object> failureJson(SearchFailure f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> jo = new LinkedHashMap<>();
        jo.put("message", f.message());
        putIfSet(jo, "status", f.status());
        putIfSet(jo, "errorCode", f.errorCode());
        putIfSet(jo, "page", f.page());
        jo.put("time", f.at().toString());
        return jo;
    }

    /** The search and crawl options, by name: credentials are shown as set or not, never as values. */
    static Map<String, Object> options(ScenarioEndpoint endpoint) {
        ScenarioConfiguration c = endpoint.getConfiguration();
        Map<String, Object> jo = new LinkedHashMap<>();
        putIfSet(jo, "query", shorten(c.getQuery()));
        putIfSet(jo, "filter", shorten(c.getFilter()));
        putIfSet(jo, "image", shorten(c.getImage()));
        putIfSet(jo, "imagesLike", shorten(c.getImagesLike()));
        putIfSet(jo, "imagesUnlike", shorten(c.getImagesUnlike()));
        putIfSet(jo, "sortBy", c.getSortBy());
        putIfSet(jo, "projectId", c.getProjectId());
        putIfSet(jo, "hitsPerPage", c.getHitsPerPage());
        putIfSet(jo, "page", c.getPage());
        if (c.getMaxResults() > 0) {
            jo.put("maxResults", c.getMaxResults());
        }
        putIfSet(jo, "prefetchPages", c.getPrefetchPages());
        jo.put("onlyNew", c.isOnlyNew());
        jo.put("allPages", c.isAllPages());
        ScenarioContent content = ScenarioContent.of(c, endpoint.getOperation());
        if (content != ScenarioContent.none) {
            jo.put("content", content);
            jo.put("downloadConcurrency", c.getDownloadConcurrency());
        }
        jo.put("baseUrl", endpoint.getServiceUrl());
        jo.put("credentials", c.getScenarioClient() != null ? "custom client" : c.getApiKey() != null ? "set" : "none");
        return jo;
    }

    private static String shorten(String value) {
        if (value == null || value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH) + "... (" + value.length() + " chars)";
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant ? value.toString() : value);
        }
    }
}
