package io.github.camelscenario.scenario;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Search answers as the API writes them, for WireMock stubs. */
public final class Pages {

    private Pages() {
    }

    /** Page {@code page} of {@code totalPages}, each hit a minimal asset with the given id. */
    public static String page(int page, int hitsPerPage, long totalHits, int totalPages, String... ids) {
        String hits = java.util.Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"mimeType\":\"image/png\",\"tags\":[\"cat\"]}")
                .collect(Collectors.joining(","));
        return "{\"hits\":[" + hits + "],\"page\":" + page + ",\"hitsPerPage\":" + hitsPerPage + ",\"totalHits\":"
               + totalHits + ",\"totalPages\":" + totalPages + ",\"estimatedTotalHits\":" + totalHits
               + ",\"offset\":" + (page - 1) * hitsPerPage + ",\"limit\":" + hitsPerPage + "}";
    }

    /** Ids {@code prefix1..prefixN} for hits {@code from} to {@code to}, inclusive. */
    public static String[] ids(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toArray(String[]::new);
    }
}
