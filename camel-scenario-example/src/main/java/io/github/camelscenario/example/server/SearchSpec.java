package io.github.camelscenario.example.server;

import java.util.List;

/**
 * A validated search request. {@link #orderingKey()} identifies the ordered result list regardless of which page is
 * asked for, so that paging through one search reuses one computed ordering.
 */
record SearchSpec(
        String query,
        String filterText,
        FilterExpression filter,
        List<String> like,
        List<String> unlike,
        double imageSemanticRatio,
        double querySemanticRatio,
        List<SortKey> sortBy,
        boolean publicAssets,
        String projectId,
        boolean originalAssets,
        boolean pageStyle,
        int page,
        int hitsPerPage,
        int offset,
        int limit,
        String orderingKey) {

    /** One {@code attribute:asc|desc} entry of sortBy. */
    record SortKey(String attribute, boolean descending) {
    }

    boolean hasImages() {
        return !like.isEmpty() || !unlike.isEmpty();
    }

    boolean hasQuery() {
        return query != null && !TextScorer.tokenize(query).isEmpty();
    }

    /** Index of the first hit of the requested page in the ordered results. */
    long firstHit() {
        return pageStyle ? (long) (page - 1) * hitsPerPage : offset;
    }

    int pageSize() {
        return pageStyle ? hitsPerPage : limit;
    }
}
