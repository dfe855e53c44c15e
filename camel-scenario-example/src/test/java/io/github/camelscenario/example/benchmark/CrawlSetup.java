package io.github.camelscenario.example.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.ScenarioComponent;
import io.github.camelscenario.scenario.ScenarioConfiguration;
import org.apache.camel.CamelContext;

/**
 * The crawl every variant makes: the same server, the same search (a filter every asset of the local server matches),
 * the same page size, the same number of hits. {@code maxTotalHits}: how deep the server pages (0: no cap).
 */
record CrawlSetup(String baseUrl, String apiKey, String apiSecret, int hits, long maxTotalHits) {

    /** Every generated asset has a width, so this matches the whole dataset. */
    static final String FILTER = "width > 0";
    static final int HITS_PER_PAGE = 100;

    /** The crawl of every asset of {@code server}, which caps paging at {@code maxTotalHits} (0: no cap). */
    static CrawlSetup of(LocalScenarioServer server, long maxTotalHits) {
        return new CrawlSetup(server.getBaseUrl(), server.getApiKey(), server.getApiSecret(), server.getAssetCount(),
                maxTotalHits);
    }

    String searchUrl() {
        return baseUrl + "/search/assets";
    }

    /**
     * The hits a crawl that pages by number reaches: all of them, or the first {@code maxTotalHits} when the server
     * caps paging (its totals say no more, and no page past them has hits).
     */
    int pagedHits() {
        return maxTotalHits > 0 ? (int) Math.min(hits, maxTotalHits) : hits;
    }

    /** "no cap" or "cap 1,000": the server's paging, for the tables. */
    String capLabel() {
        return maxTotalHits > 0 ? Figures.f("cap %,d", maxTotalHits) : "no cap";
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

    /** The search alone, URL-encoded: every other option at the component's default. */
    static final String FILTER_OPTION = "filter=width%20%3E%200";

    /** The options of a {@code scenario:search} endpoint for this crawl: the page size and the number of hits set. */
    String scenarioSearchOptions() {
        return FILTER_OPTION + "&hitsPerPage=" + HITS_PER_PAGE + "&maxResults=" + hits;
    }

    /** Points the scenario component of this context at the server, as {@code camel.component.scenario.*} would. */
    void configureScenarioComponent(CamelContext context) {
        ScenarioConfiguration c = context.getComponent("scenario", ScenarioComponent.class).getConfiguration();
        c.setBaseUrl(baseUrl);
        c.setApiKey(apiKey);
        c.setApiSecret(apiSecret);
    }
}
