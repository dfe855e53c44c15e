package io.github.camelscenario.example.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Inverted index over the searchable text of the assets (name, tags, prompt, description): token to the assets that
 * contain it, with a weight saying where it was found (a name or tag hit counts more than a description hit). Not
 * thread-safe: {@link AssetDataset} guards it.
 */
final class TextIndex {

    static final float NAME_WEIGHT = 3f;
    static final float TAG_WEIGHT = 3f;
    static final float PROMPT_WEIGHT = 2f;
    static final float DESCRIPTION_WEIGHT = 1f;

    /** Assets holding one token, in ascending asset index order (assets are only ever appended). */
    static final class Postings {
        int[] assets = new int[8];
        float[] weights = new float[8];
        int size;

        void add(int asset, float weight) {
            if (size == assets.length) {
                assets = Arrays.copyOf(assets, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            assets[size] = asset;
            weights[size] = weight;
            size++;
        }
    }

    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Float> scratch = new HashMap<>();

    void add(int index, StoredAsset a) {
        scratch.clear();
        collect(a.name(), NAME_WEIGHT);
        for (String tag : a.tags()) {
            collect(tag, TAG_WEIGHT);
        }
        collect(a.prompt(), PROMPT_WEIGHT);
        collect(a.description(), DESCRIPTION_WEIGHT);
        for (Map.Entry<String, Float> e : scratch.entrySet()) {
            postings.computeIfAbsent(e.getKey(), k -> new Postings()).add(index, e.getValue());
        }
    }

    private void collect(String text, float weight) {
        for (String token : TextScorer.tokenize(text)) {
            scratch.merge(token, weight, Float::sum);
        }
    }

    Postings get(String token) {
        return postings.get(token);
    }

    Set<String> tokens() {
        return postings.keySet();
    }
}
