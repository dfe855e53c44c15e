package io.github.camelscenario.scenario.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The continuation clause of each kind of order, and where a hit stands relative to a boundary. */
class KeysetTest {

    private static Asset hit(String createdAt, Integer width, Double score) {
        Asset a = new Asset();
        a.setCreatedAt(createdAt);
        a.setScore(score);
        AssetMetadata m = new AssetMetadata();
        m.setWidth(width);
        a.setMetadata(m);
        return a;
    }

    @Test
    void theDefaultOrderContinuesAtOrBeforeTheLastTimestamp() {
        Keyset k = Keyset.of(List.of("createdAt:desc"));
        Keyset.Values at = k.valuesOf(hit("2024-03-05T12:34:56.789Z", null, null));
        assertThat(k.clauseFrom(at)).isEqualTo("createdAt <= \"2024-03-05T12:34:56.789Z\"");
        assertThat(Keyset.of(List.of("createdAt:asc")).clauseFrom(at))
                .isEqualTo("createdAt >= \"2024-03-05T12:34:56.789Z\"");
    }

    @Test
    void anOrderOnAnotherAttributeContinuesLexicographicallyWithTheTieBreak() {
        Keyset k = Keyset.of(Keyset.completeOrder(List.of("width:desc", "score:asc")));
        Keyset.Values at = k.valuesOf(hit("2024-01-01T00:00:00Z", 1024, 0.00001));
        assertThat(k.clauseFrom(at)).isEqualTo("(width < 1024 OR (width = 1024 AND score > 0.00001) OR (width = 1024 AND "
                                               + "score = 0.00001 AND createdAt <= \"2024-01-01T00:00:00Z\"))");
    }

    @Test
    void theUserFilterIsKeptIntactInParentheses() {
        String user = "NOT tags = \"sci-fi\" OR (aspectRatio = \"16:9\" AND prompt:dragon)";
        assertThat(Keyset.and(user, "createdAt <= \"x\""))
                .isEqualTo("(" + user + ") AND createdAt <= \"x\"");
        assertThat(Keyset.and(null, "createdAt <= \"x\"")).isEqualTo("createdAt <= \"x\"");
        assertThat(Keyset.and("  ", "createdAt <= \"x\"")).isEqualTo("createdAt <= \"x\"");
    }

    @Test
    void quotesInAValueAreEscaped() {
        Keyset k = Keyset.of(List.of("createdAt:desc"));
        assertThat(k.clauseFrom(k.valuesOf(hit("a\"b\\c", null, null)))).isEqualTo("createdAt <= \"a\\\"b\\\\c\"");
    }

    @Test
    void timestampsCompareAsInstantsWhateverTheirOffset() {
        Keyset k = Keyset.of(List.of("createdAt:desc", "width:asc"));
        Keyset.Values boundary = k.valuesOf(hit("2024-01-01T12:00:00Z", 500, null));
        // newer: before the boundary in a newest-first crawl
        assertThat(k.compare(k.valuesOf(hit("2024-01-01T13:00:00+00:00", 500, null)), boundary)).isNegative();
        assertThat(k.compare(k.valuesOf(hit("2024-01-01T14:00:00+02:00", 500, null)), boundary)).isZero();
        assertThat(k.compare(k.valuesOf(hit("2024-01-01T14:00:00+02:00", 600, null)), boundary)).isPositive();
        assertThat(k.compare(k.valuesOf(hit("2024-01-01T11:00:00Z", 100, null)), boundary)).isPositive();
    }

    @Test
    void anUnknownAttributeOrAMissingValueCannotBeContinued() {
        assertThat(Keyset.of(List.of("name:asc", "createdAt:desc")).unknownAttribute()).isEqualTo("name");
        Keyset k = Keyset.of(List.of("height:desc", "createdAt:desc"));
        assertThat(k.unknownAttribute()).isNull();
        assertThat(k.valuesOf(hit("2024-01-01T00:00:00Z", 10, null)).complete()).isFalse();
    }
}
