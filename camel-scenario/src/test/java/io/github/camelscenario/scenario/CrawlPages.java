package io.github.camelscenario.scenario;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelscenario.scenario.client.PageCrawl;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Result pages as the API writes them, and WireMock stubs serving the reads of a crawl: page 1 by {@code page}, each
 * later page by {@code offset}/{@code limit}, starting {@link PageCrawl#OVERLAP} hits before its new ones.
 */
final class CrawlPages {

    static final String SEARCH_PATH = "/v1/search/assets";

    private final int step;

    private CrawlPages(int step) {
        this.step = step;
    }

    /** The reads of a crawl with {@code hitsPerPage} new hits per read. */
    static CrawlPages step(int hitsPerPage) {
        return new CrawlPages(hitsPerPage);
    }

    /** The read that brings page {@code p}'s new hits. */
    MappingBuilder read(int p) {
        if (p == 1) {
            return post(urlPathEqualTo(SEARCH_PATH)).withRequestBody(matchingJsonPath("$.page", equalTo("1")));
        }
        long anchor = (long) (p - 1) * step - 1;
        long offset = Math.max(0, anchor - (PageCrawl.OVERLAP - 1));
        long limit = anchor - offset + 1 + step;
        return post(urlPathEqualTo(SEARCH_PATH))
                .withRequestBody(matchingJsonPath("$.offset", equalTo(String.valueOf(offset))))
                .withRequestBody(matchingJsonPath("$.limit", equalTo(String.valueOf(limit))));
    }

    /** The page a read asked for ({@code page}, else the page of the new hits its offset and limit bring). */
    int pageOf(JsonNode body) {
        if (body.has("page")) {
            return body.get("page").asInt();
        }
        long anchor = body.get("offset").asLong() + body.get("limit").asLong() - 1 - step;
        return (int) ((anchor + 1) / step) + 1;
    }

    /** The answer to {@link #read(int) read(p)} of a search whose hits are {@code all}, in order. */
    String answer(int p, String... all) {
        if (p == 1) {
            return page(1, step, all.length, Arrays.copyOfRange(all, 0, Math.min(step, all.length)));
        }
        long anchor = (long) (p - 1) * step - 1;
        int offset = (int) Math.max(0, anchor - (PageCrawl.OVERLAP - 1));
        int limit = (int) (anchor - offset + 1 + step);
        String[] hits = Arrays.copyOfRange(all, Math.min(offset, all.length), Math.min(offset + limit, all.length));
        return "{\"hits\":[" + hits(hits) + "],\"offset\":" + offset + ",\"limit\":" + limit + ",\"estimatedTotalHits\":"
               + all.length + "}";
    }

    /** The same answer without any totals. */
    String answerWithoutTotals(int p, String... all) {
        return answer(p, all).replaceAll(",\\s*\"(page|hitsPerPage|totalHits|totalPages|estimatedTotalHits|offset|limit)\":\\d+", "");
    }

    /** Serves every read of the crawl of {@code all}, each answer taking {@code delayMillis}. */
    void stubAll(WireMockServer server, String[] all, int delayMillis) {
        int pages = Math.max(1, (all.length + step - 1) / step);
        for (int p = 1; p <= pages; p++) {
            server.stubFor(read(p).willReturn(okJson(answer(p, all)).withFixedDelay(delayMillis)));
        }
    }

    /** Serves every read of the crawl of {@code all}. */
    void stubAll(WireMockServer server, String... all) {
        stubAll(server, all, 0);
    }

    /** Page {@code page} of a search with {@code totalHits} hits, {@code hitsPerPage} a page (page paging). */
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

    /** A single-page search request for page {@code page} (the producer without allPages). */
    static MappingBuilder searchPage(int page) {
        return post(urlPathEqualTo(SEARCH_PATH)).withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))));
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
