package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inverted index over the searchable text of the assets (name, tags, prompt, description): token to the assets that
 * contain it, with a weight saying where it was found (a name or tag hit counts more than a description hit). Not
 * thread-safe: {@link AssetDataset} guards it.
 * <p>
 * Generated assets are indexed from their word indices without building their texts (tokenising 100,000 prompts
 * would dominate start-up); {@link StoredAsset}'s text templates and {@link #addGenerated} must agree, which a test
 * checks.
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

    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final List<Postings> postings = new ArrayList<>();

    // token ids of each vocabulary word, per word list
    private final int[][] subjects = ids(Vocabulary.SUBJECTS);
    private final int[][] colours = ids(Vocabulary.COLOURS);
    private final int[][] places = ids(Vocabulary.PLACES);
    private final int[][] styles = ids(Vocabulary.STYLES);
    private final int[][] moods = ids(Vocabulary.MOODS);
    private final int[][] adjectives = ids(Vocabulary.ADJECTIVES);
    private final int[] promptWords = ids("style highly detailed");
    private final int[] descriptionWords = ids("picture atmosphere");

    // the current asset's tokens and their summed weights
    private int[] scratchTokens = new int[64];
    private float[] scratchWeights = new float[64];
    private int scratchSize;

    void add(int index, StoredAsset a) {
        scratchSize = 0;
        if (a.name == null && a.prompt == null && a.description == null && a.tags == null) {
            addGenerated(a);
        } else {
            collect(a.name(), NAME_WEIGHT);
            for (String tag : a.tags()) {
                collect(tag, TAG_WEIGHT);
            }
            collect(a.prompt(), PROMPT_WEIGHT);
            collect(a.description(), DESCRIPTION_WEIGHT);
        }
        for (int i = 0; i < scratchSize; i++) {
            postings.get(scratchTokens[i]).add(index, scratchWeights[i]);
        }
    }

    /** Mirrors the templates of StoredAsset.name(), tags(), prompt() and description(). */
    private void addGenerated(StoredAsset a) {
        // name: adjective colour subject
        collect(adjectives[a.adjective], NAME_WEIGHT + PROMPT_WEIGHT);
        collect(colours[a.colour], NAME_WEIGHT + TAG_WEIGHT + PROMPT_WEIGHT + DESCRIPTION_WEIGHT);
        collect(subjects[a.subject], NAME_WEIGHT + TAG_WEIGHT + PROMPT_WEIGHT + DESCRIPTION_WEIGHT);
        // tags: subject colour place style mood; prompt and description hold the same words
        collect(places[a.place], TAG_WEIGHT + PROMPT_WEIGHT + DESCRIPTION_WEIGHT);
        collect(styles[a.style], TAG_WEIGHT + PROMPT_WEIGHT + DESCRIPTION_WEIGHT);
        collect(moods[a.mood], TAG_WEIGHT + PROMPT_WEIGHT + DESCRIPTION_WEIGHT);
        collect(promptWords, PROMPT_WEIGHT);
        collect(descriptionWords, DESCRIPTION_WEIGHT);
    }

    private void collect(String text, float weight) {
        for (String token : TextScorer.tokenize(text)) {
            collect(tokenId(token), weight);
        }
    }

    private void collect(int[] tokens, float weight) {
        for (int t : tokens) {
            collect(t, weight);
        }
    }

    private void collect(int token, float weight) {
        for (int i = 0; i < scratchSize; i++) {
            if (scratchTokens[i] == token) {
                scratchWeights[i] += weight;
                return;
            }
        }
        if (scratchSize == scratchTokens.length) {
            scratchTokens = Arrays.copyOf(scratchTokens, scratchSize * 2);
            scratchWeights = Arrays.copyOf(scratchWeights, scratchSize * 2);
        }
        scratchTokens[scratchSize] = token;
        scratchWeights[scratchSize] = weight;
        scratchSize++;
    }

    private int tokenId(String token) {
        Integer id = tokenIds.get(token);
        if (id == null) {
            id = postings.size();
            tokenIds.put(token, id);
            postings.add(new Postings());
        }
        return id;
    }

    private int[][] ids(List<String> words) {
        int[][] ids = new int[words.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ids(words.get(i));
        }
        return ids;
    }

    private int[] ids(String text) {
        return TextScorer.tokenize(text).stream().mapToInt(this::tokenId).toArray();
    }

    /** The postings of a token, or null when no asset has it. */
    Postings get(String token) {
        Integer id = tokenIds.get(token);
        return id == null || postings.get(id).size == 0 ? null : postings.get(id);
    }

    Set<String> tokens() {
        return tokenIds.keySet();
    }
}
