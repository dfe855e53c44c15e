package io.github.camelscenario.scenario;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Result pages as the API writes them, and WireMock stubs serving them by the request's {@code page}. */
final class CrawlPages {

    static final String SEARCH_PATH = "/v1/search/assets";

    private CrawlPages() {
    }

    /** Page {@code page} of a search with {@code totalHits} hits, {@code hitsPerPage} a page. */
    static String page(int page, int hitsPerPage, long totalHits, String... ids) {
        int totalPages = (int) ((totalHits + hitsPerPage - 1) / hitsPerPage);
        return "{\"hits\":[" + hits(ids) + "],\"page\":" + page + ",\"hitsPerPage\":" + hitsPerPage + ",\"totalHits\":"
               + totalHits + ",\"totalPages\":" + totalPages + ",\"estimatedTotalHits\":" + totalHits + ",\"offset\":"
               + (page - 1) * hitsPerPage + ",\"limit\":" + hitsPerPage + "}";
    }

    /** A page that says nothing about totals. */
    static String pageWithoutTotals(String... ids) {
        return "{\"hits\":[" + hits(ids) + "]}";
    }

    /** A page with explicit (possibly wrong) totals. */
    static String pageClaiming(int page, int hitsPerPage, long totalHits, int totalPages, String... ids) {
        return "{\"hits\":[" + hits(ids) + "],\"page\":" + page + ",\"hitsPerPage\":" + hitsPerPage + ",\"totalHits\":"
               + totalHits + ",\"totalPages\":" + totalPages + "}";
    }

    private static String hits(String... ids) {
        return Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"mimeType\":\"image/png\",\"tags\":[\"dragon\"],"
                           + "\"metadata\":{\"kind\":\"image\",\"width\":512}}")
                .collect(Collectors.joining(","));
    }

    /** Ids {@code prefix+from .. prefix+to}, inclusive. */
    static String[] ids(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    /** Ids {@code prefix1..prefixN}. */
    static String[] ids(String prefix, int n) {
        return ids(prefix, 1, n);
    }

    /** A search request for page {@code page}. */
    static MappingBuilder searchPage(int page) {
        return post(urlPathEqualTo(SEARCH_PATH)).withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))));
    }

    /** Serves every page of a search whose hits are {@code prefix1..prefixN}, {@code hitsPerPage} a page. */
    static void stubCrawl(WireMockServer server, String prefix, int totalHits, int hitsPerPage) {
        stubCrawl(server, prefix, totalHits, hitsPerPage, 0);
    }

    /** The same, each answer taking {@code delayMillis}. */
    static void stubCrawl(WireMockServer server, String prefix, int totalHits, int hitsPerPage, int delayMillis) {
        int totalPages = (totalHits + hitsPerPage - 1) / hitsPerPage;
        for (int p = 1; p <= totalPages; p++) {
            int from = (p - 1) * hitsPerPage + 1;
            int to = Math.min(p * hitsPerPage, totalHits);
            server.stubFor(searchPage(p).willReturn(
                    okJson(page(p, hitsPerPage, totalHits, ids(prefix, from, to))).withFixedDelay(delayMillis)));
        }
    }

    /**
     * Answers the requests {@code request} makes with {@code failing} {@code failures} times, then with
     * {@code answer}, in that order (a WireMock scenario named {@code name}).
     */
    static void failThenAnswer(WireMockServer server, String name, Supplier<MappingBuilder> request, int failures,
                               ResponseDefinitionBuilder failing, ResponseDefinitionBuilder answer) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = name + "-after-" + i;
            server.stubFor(request.get().inScenario(name).whenScenarioStateIs(state).willReturn(failing)
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(request.get().inScenario(name).whenScenarioStateIs(state).willReturn(answer));
    }
}
