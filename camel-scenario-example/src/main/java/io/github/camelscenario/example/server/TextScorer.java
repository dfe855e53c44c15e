package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Full-text relevance: each query token is matched against the index's tokens exactly, as a prefix (tokens of 3+
 * characters, for search-as-you-type) or with one typo (tokens of 5+ characters), then scored tf-idf style. Matching
 * runs over the index's distinct tokens, a few hundred for the generated dataset, so it is cheap.
 */
final class TextScorer {

    static final float EXACT = 1f;
    static final float PREFIX = 0.7f;
    static final float TYPO = 0.6f;

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "in", "of", "and", "with", "on", "at", "to");

    private TextScorer() {
    }

    /** Lower-case words and numbers; anything else separates tokens ({@code pixel-art} is {@code pixel}, {@code art}). */
    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String token = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(token)) {
                    tokens.add(token);
                }
                start = -1;
            }
        }
        return tokens;
    }

    /**
     * Scores every asset against the query.
     *
     * @param  scores  filled with the score of each asset index (0 = no token matched); length at least the asset count
     * @return         whether any query token matched anything
     */
    static boolean score(String query, TextIndex index, int assetCount, float[] scores) {
        boolean any = false;
        for (String q : new LinkedHashSet<>(tokenize(query))) {
            for (String token : index.tokens()) {
                float closeness = closeness(q, token);
                if (closeness == 0) {
                    continue;
                }
                TextIndex.Postings p = index.get(token);
                if (p == null) {
                    continue;
                }
                // rarer tokens say more about an asset
                float idf = (float) Math.log(1 + (double) assetCount / p.size);
                for (int i = 0; i < p.size; i++) {
                    scores[p.assets[i]] += closeness * idf * p.weights[i];
                }
                any = true;
            }
        }
        return any;
    }

    /** How well an index token stands for a query token: 1 exact, less for a prefix or a one-letter typo, else 0. */
    static float closeness(String query, String token) {
        if (query.equals(token)) {
            return EXACT;
        }
        if (query.length() >= 3 && token.startsWith(query)) {
            return PREFIX;
        }
        if (query.length() >= 5 && Math.abs(query.length() - token.length()) <= 1 && withinOneEdit(query, token)) {
            return TYPO;
        }
        return 0;
    }

    /** Levenshtein distance <= 1 (one insertion, deletion or substitution), without building the matrix. */
    static boolean withinOneEdit(String a, String b) {
        if (a.length() > b.length()) {
            String t = a;
            a = b;
            b = t;
        }
        if (b.length() - a.length() > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() == b.length()) {
                i++; // substitution
            }
            j++; // substitution, or the longer word's extra letter
        }
        // an unmatched last letter of the longer word is the one edit, if none was used yet
        int leftover = (b.length() - j) + (a.length() - i);
        return leftover == 0 || (!edited && leftover == 1);
    }
}
