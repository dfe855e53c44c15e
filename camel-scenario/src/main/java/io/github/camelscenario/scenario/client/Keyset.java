package io.github.camelscenario.scenario.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A crawl's order as sort keys, and keyset continuation in it (Elasticsearch's {@code search_after}): the filter
 * clause that asks for the hits at or after a hit in that order, and where a hit stands relative to it. Engines of
 * the Meilisearch kind answer no deeper than their paging cap; the same search narrowed by this clause starts again
 * at offset 0, past the hits already walked.
 * <p>
 * Keys are the API's sortable attributes: {@code createdAt} and {@code updatedAt} (timestamps, written quoted in
 * filters), {@code width} and {@code height} (the hit's {@code metadata}), {@code score}. An order whose last key is
 * not {@code createdAt} gets {@code createdAt:desc} appended ({@link #completeOrder}) so that a value shared by more
 * hits than the cap is still crossed.
 */
public final class Keyset {

    /** The attribute appended as the last key of an order that lacks it: nearly unique per asset. */
    static final String TIE_BREAK = "createdAt";

    /** One sort key: an attribute and its direction. */
    record Key(String attribute, boolean descending) {
        @Override
        public String toString() {
            return attribute + (descending ? ":desc" : ":asc");
        }
    }

    /** The key values of one hit; {@code null} entries where the hit has no value. */
    record Values(List<Object> values) {
        boolean complete() {
            return !values.contains(null);
        }
    }

    private final List<Key> keys;

    private Keyset(List<Key> keys) {
        this.keys = keys;
    }

    /** The keys of a crawl order as {@link #completeOrder} returns it. */
    static Keyset of(List<String> sortBy) {
        List<Key> keys = new ArrayList<>();
        for (String entry : sortBy) {
            int colon = entry.lastIndexOf(':');
            String attribute = colon < 0 ? entry : entry.substring(0, colon);
            boolean descending = colon >= 0 && entry.substring(colon + 1).equalsIgnoreCase("desc");
            keys.add(new Key(attribute.trim(), descending));
        }
        return new Keyset(List.copyOf(keys));
    }

    /** {@code sortBy} with {@code createdAt:desc} appended unless it has {@code createdAt} already. */
    static List<String> completeOrder(List<String> sortBy) {
        for (Key k : of(sortBy).keys) {
            if (k.attribute().equals(TIE_BREAK)) {
                return sortBy;
            }
        }
        List<String> completed = new ArrayList<>(sortBy);
        completed.add(TIE_BREAK + ":desc");
        return completed;
    }

    /** The first attribute of this order that the crawl cannot read from a hit, or {@code null} when it can read all. */
    String unknownAttribute() {
        for (Key k : keys) {
            if (accessor(k.attribute()) == null) {
                return k.attribute();
            }
        }
        return null;
    }

    /** The first key whose value an asset may lack (metadata: {@code width}, {@code height}), or {@code null}. */
    String keyThatMayBeMissing() {
        for (Key k : keys) {
            if (k.attribute().equals("width") || k.attribute().equals("height")) {
                return k.attribute();
            }
        }
        return null;
    }

    /** The hit's value for each key (nulls where it has none, or where the attribute is unknown). */
    Values valuesOf(Asset hit) {
        List<Object> values = new ArrayList<>(keys.size());
        for (Key k : keys) {
            Object raw = raw(k, hit);
            values.add(raw != null && isTimestamp(k.attribute()) ? timestamp(raw.toString()) : raw);
        }
        return new Values(values);
    }

    /**
     * The hit's key values as answered, in one string: cheap, for telling hits level with each other apart from the
     * others without parsing timestamps; {@code null} when the hit lacks one of them.
     */
    String rawKey(Asset hit) {
        StringBuilder b = new StringBuilder();
        for (Key k : keys) {
            Object raw = raw(k, hit);
            if (raw == null) {
                return null;
            }
            b.append(raw).append('\u0001');
        }
        return b.toString();
    }

    private static Object raw(Key k, Asset hit) {
        Function<Asset, Object> read = accessor(k.attribute());
        return read == null ? null : read.apply(hit);
    }

    /**
     * Where {@code hit} stands relative to {@code boundary} in this order: negative before it, 0 level with it,
     * positive after it. A hit missing a value counts as after it (it cannot be told apart: it is handed out).
     */
    int compare(Values hit, Values boundary) {
        for (int i = 0; i < keys.size(); i++) {
            Object a = hit.values().get(i);
            Object b = boundary.values().get(i);
            if (a == null || b == null) {
                return 1;
            }
            int c = compareValues(a, b);
            if (c != 0) {
                return keys.get(i).descending() ? -c : c;
            }
        }
        return 0;
    }

    /**
     * The filter clause that keeps the hits at or after {@code boundary} in this order, ties included: for keys
     * k1..kn, {@code k1 after v1 OR (k1 = v1 AND k2 after v2) OR ... OR (k1 = v1 AND ... AND kn at-or-after vn)}.
     *
     * @param boundary values with no {@code null} ({@link Values#complete()})
     */
    String clauseFrom(Values boundary) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder alt = new StringBuilder();
            for (int j = 0; j < i; j++) {
                alt.append(keys.get(j).attribute()).append(" = ").append(literal(boundary.values().get(j))).append(" AND ");
            }
            Key k = keys.get(i);
            boolean last = i == keys.size() - 1;
            String op = (k.descending() ? "<" : ">") + (last ? "=" : "");
            alt.append(k.attribute()).append(' ').append(op).append(' ').append(literal(boundary.values().get(i)));
            alternatives.add(i == 0 ? alt.toString() : "(" + alt + ")");
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
    }

    /** The user's filter, kept intact in parentheses, AND the clause; the clause alone when there is none. */
    static String and(String userFilter, String clause) {
        if (userFilter == null || userFilter.isBlank()) {
            return clause;
        }
        return "(" + userFilter + ") AND " + clause;
    }

    /** Reads the attribute from a hit as answered: timestamps as text, numbers as numbers; {@code null} if unknown. */
    private static Function<Asset, Object> accessor(String attribute) {
        return switch (attribute) {
            case "createdAt" -> Asset::getCreatedAt;
            case "updatedAt" -> Asset::getUpdatedAt;
            case "score" -> Asset::getScore;
            case "width" -> a -> a.getMetadata() == null ? null : a.getMetadata().getWidth();
            case "height" -> a -> a.getMetadata() == null ? null : a.getMetadata().getHeight();
            default -> null;
        };
    }

    private static boolean isTimestamp(String attribute) {
        return attribute.equals("createdAt") || attribute.equals("updatedAt");
    }

    /** A timestamp as answered, compared as an instant when it reads as one. */
    record Timestamp(String text, Instant instant) {
    }

    private static Timestamp timestamp(String text) {
        if (text.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            instant = null; // compared as text, as the engine may
        }
        return new Timestamp(text, instant);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Timestamp ta && b instanceof Timestamp tb) {
            if (ta.instant() != null && tb.instant() != null) {
                return ta.instant().compareTo(tb.instant());
            }
            return ta.text().compareTo(tb.text());
        }
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** A value as the filter language reads it: timestamps quoted (escaped), numbers plain (never in E notation). */
    private static String literal(Object value) {
        Objects.requireNonNull(value);
        if (value instanceof Timestamp t) {
            return quote(t.text());
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** For messages: the order as sortBy entries. */
    String describe() {
        return String.join(",", keys.stream().map(Key::toString).toList());
    }
}
