package io.github.camelscenario.example.server;

import java.util.Comparator;

/**
 * An order of the whole dataset, as a search with only a filter that every asset matches returns it: the sort key,
 * then the id (every relevance is 0 without query or image). Positions given to the server's mutations
 * ({@link LocalScenarioServer#insertAssetAt}, {@link LocalScenarioServer#deleteAssetAt}) count every live asset in
 * one of these orders.
 */
public enum AssetOrder {

    /** {@code sortBy: ["createdAt:desc"]}: the newest first; where a feed sees new assets. */
    CREATED_AT_DESC("createdAt:desc", false, true),
    /**
     * {@code sortBy: ["createdAt:asc"]}: the oldest first. Generated and inserted assets have ids that start with
     * their creation time, so this is also the order of a filter-only search without sortBy.
     */
    CREATED_AT_ASC("createdAt:asc", false, false),
    /** {@code sortBy: ["updatedAt:desc"]}. */
    UPDATED_AT_DESC("updatedAt:desc", true, true),
    /** {@code sortBy: ["updatedAt:asc"]}. */
    UPDATED_AT_ASC("updatedAt:asc", true, false);

    private final String sortBy;
    private final boolean updatedAt;
    private final boolean descending;
    private final Comparator<StoredAsset> comparator;

    AssetOrder(String sortBy, boolean updatedAt, boolean descending) {
        this.sortBy = sortBy;
        this.updatedAt = updatedAt;
        this.descending = descending;
        Comparator<StoredAsset> byKey = Comparator.comparing(a -> key(a));
        this.comparator = (descending ? byKey.reversed() : byKey).thenComparing(a -> a.id);
    }

    /** The {@code sortBy} entry of a search in this order. */
    public String sortBy() {
        return sortBy;
    }

    boolean descending() {
        return descending;
    }

    boolean byUpdatedAt() {
        return updatedAt;
    }

    String key(StoredAsset a) {
        return updatedAt ? a.updatedAt : a.createdAt;
    }

    Comparator<StoredAsset> comparator() {
        return comparator;
    }
}
