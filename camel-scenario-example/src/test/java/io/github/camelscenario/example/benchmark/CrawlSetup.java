package io.github.camelscenario.example.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.ScenarioConfiguration;
import org.apache.camel.CamelContext;

/**
 * The crawl every variant makes: the same server, the same search (a filter every asset of the local server matches),
 * the same page size, the same number of hits.
 */
record CrawlSetup(String baseUrl, String apiKey, String apiSecret, int hits) {

    /** Every generated asset has a width, so this matches the whole dataset. */
    static final String FILTER = "width > 0";
    static final int HITS_PER_PAGE = 100;

    String searchUrl() {
        return baseUrl + "/search/assets";
    }

    int pages() {
        return (hits + HITS_PER_PAGE - 1) / HITS_PER_PAGE;
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The body of the search for one page, as the hand-written variants send it. */
    String requestJson(int page) {
        return "{\"filter\":\"" + FILTER + "\",\"page\":" + page + ",\"hitsPerPage\":" + HITS_PER_PAGE + "}";
    }

    /** The options of a {@code scenario:search} endpoint for this crawl (the filter URL-encoded). */
    String scenarioSearchOptions() {
        return "filter=width%20%3E%200&hitsPerPage=" + HITS_PER_PAGE + "&maxResults=" + hits;
    }

    /** Points the scenario component of this context at the server, as {@code camel.component.scenario.*} would. */
    void configureScenarioComponent(CamelContext context) {
        ScenarioConfiguration c = context.getComponent("scenario", ScenarioComponent.class).getConfiguration();
        c.setBaseUrl(baseUrl);
        c.setApiKey(apiKey);
        c.setApiSecret(apiSecret);
    }
}
