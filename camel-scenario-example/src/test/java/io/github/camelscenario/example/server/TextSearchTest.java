package io.github.camelscenario.example.server;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tokens, typo tolerance and the inverted index, without HTTP. */
class TextSearchTest {

    @Test
    void tokenizesCaseInsensitivelyWithoutStopWords() {
        assertThat(TextScorer.tokenize("A Red-Dragon, in the CAVE!")).containsExactly("red", "dragon", "cave");
    }

    @Test
    void toleratesOneTypoInLongTokensAndPrefixes() {
        assertThat(TextScorer.closeness("dragon", "dragon")).isEqualTo(TextScorer.EXACT);
        assertThat(TextScorer.closeness("dragn", "dragon")).isEqualTo(TextScorer.TYPO);
        assertThat(TextScorer.closeness("drakon", "dragon")).isEqualTo(TextScorer.TYPO);
        assertThat(TextScorer.closeness("dargon", "dragon")).isZero(); // two edits
        assertThat(TextScorer.closeness("drag", "dragon")).isEqualTo(TextScorer.PREFIX);
        assertThat(TextScorer.closeness("cat", "car")).isZero(); // short tokens must match exactly
        assertThat(TextScorer.withinOneEdit("forest", "forests")).isTrue();
        assertThat(TextScorer.withinOneEdit("forest", "frest")).isTrue();
        assertThat(TextScorer.withinOneEdit("forest", "fortes")).isFalse();
    }

    /** Generated assets are indexed from word indices: the result must equal indexing their actual texts. */
    @Test
    void indexingGeneratedAssetsMatchesTheirTexts() {
        AssetGenerator generator = new AssetGenerator(7);
        TextIndex fast = new TextIndex();
        TextIndex slow = new TextIndex();
        for (int i = 0; i < 300; i++) {
            StoredAsset a = generator.next(0);
            fast.add(i, a);
            StoredAsset explicit = copyWithTexts(a);
            slow.add(i, explicit);
        }
        assertThat(fast.tokens()).containsAll(slow.tokens());
        for (String token : slow.tokens()) {
            assertThat(weights(fast, token)).as(token).isEqualTo(weights(slow, token));
        }
    }

    @Test
    void scoresRareTokensAndNameHitsHigher() {
        TextIndex index = new TextIndex();
        StoredAsset a = new StoredAsset();
        a.name = "Blue Whale";
        a.tags = new String[] { "whale" };
        a.prompt = "a blue whale";
        a.description = "";
        StoredAsset b = new StoredAsset();
        b.name = "Ocean";
        b.tags = new String[0];
        b.prompt = "the ocean, a whale far away";
        b.description = "";
        index.add(0, a);
        index.add(1, b);
        float[] scores = new float[2];
        assertThat(TextScorer.score("whale", index, 2, scores)).isTrue();
        assertThat(scores[0]).isGreaterThan(scores[1]).isGreaterThan(0);
        float[] none = new float[2];
        assertThat(TextScorer.score("zebra", index, 2, none)).isFalse();
        assertThat(none[0]).isCloseTo(0, within(0f));
    }

    private static Map<Integer, Float> weights(TextIndex index, String token) {
        Map<Integer, Float> m = new HashMap<>();
        TextIndex.Postings p = index.get(token);
        for (int i = 0; p != null && i < p.size; i++) {
            m.put(p.assets[i], p.weights[i]);
        }
        return m;
    }

    private static StoredAsset copyWithTexts(StoredAsset a) {
        StoredAsset c = new StoredAsset();
        c.name = a.name();
        c.prompt = a.prompt();
        c.description = a.description();
        c.tags = a.tags();
        return c;
    }
}
