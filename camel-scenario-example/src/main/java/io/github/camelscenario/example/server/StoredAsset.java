package io.github.camelscenario.example.server;

import java.util.List;

/**
 * One asset as the local server keeps it. Generated assets store word indices and numbers only; their texts (name,
 * prompt, description, tags) are rebuilt from those on demand, which keeps 100,000 assets to a few tens of MB. Assets
 * added from outside set the text fields directly ({@code null} means "derive it").
 */
final class StoredAsset {

    String id;
    /** Deleted assets stay in the dataset's array (indices never change) but no search or lookup finds them. */
    boolean deleted;
    String authorId;
    String ownerId;
    String teamId;
    String[] collectionIds;
    String createdAt;
    String updatedAt;
    String mimeType;
    String privacy;
    String[] nsfw;
    double score;

    // metadata
    String kind;
    String type;
    String modelId;
    String baseModelId;
    String modelType;
    String scheduler;
    String aspectRatio;
    int width;
    int height;
    long size;
    long seed;
    float guidance;
    float negativePromptStrength;
    int numInferenceSteps;

    // word indices into Vocabulary
    byte subject;
    byte colour;
    byte place;
    byte style;
    byte mood;
    byte adjective;
    byte negativePromptIndex;

    /** 4x4 grid of RGB colours: the picture the server renders, and the source of the similarity vector. */
    int[] grid;

    // explicit texts of added assets; null = derived from the word indices
    String name;
    String prompt;
    String description;
    String negativePrompt;
    String transcription;
    String text;
    String[] tags;

    String name() {
        if (name != null) {
            return name;
        }
        return capitalise(word(Vocabulary.ADJECTIVES, adjective)) + " " + capitalise(word(Vocabulary.COLOURS, colour)) + " "
               + capitalise(word(Vocabulary.SUBJECTS, subject));
    }

    String prompt() {
        if (prompt != null) {
            return prompt;
        }
        return "a " + word(Vocabulary.ADJECTIVES, adjective) + " " + word(Vocabulary.COLOURS, colour) + " "
               + word(Vocabulary.SUBJECTS, subject) + " in a " + word(Vocabulary.MOODS, mood) + " "
               + word(Vocabulary.PLACES, place) + ", " + word(Vocabulary.STYLES, style) + " style, highly detailed";
    }

    String description() {
        if (description != null) {
            return description;
        }
        return capitalise(word(Vocabulary.STYLES, style)) + " picture of a " + word(Vocabulary.COLOURS, colour) + " "
               + word(Vocabulary.SUBJECTS, subject) + " in the " + word(Vocabulary.PLACES, place) + ", "
               + word(Vocabulary.MOODS, mood) + " atmosphere.";
    }

    String[] tags() {
        if (tags != null) {
            return tags;
        }
        return new String[] {
                word(Vocabulary.SUBJECTS, subject), word(Vocabulary.COLOURS, colour), word(Vocabulary.PLACES, place),
                word(Vocabulary.STYLES, style), word(Vocabulary.MOODS, mood) };
    }

    String negativePrompt() {
        return negativePrompt != null ? negativePrompt : word(Vocabulary.NEGATIVE_PROMPTS, negativePromptIndex);
    }

    String transcription() {
        return transcription != null ? transcription : "";
    }

    String text() {
        return text != null ? text : "";
    }

    String seedText() {
        return Long.toString(seed);
    }

    /** Uploaded pictures have no generating job. */
    String parentJobId() {
        return "uploaded".equals(type) ? null : Ids.derived("job_", seed * 31 + 7);
    }

    String thumbnailAssetId() {
        return Ids.derived("asset_", id.hashCode() * 1_000_003L + seed);
    }

    /** Edits of another asset are not "original" (the {@code originalAssets} query parameter drops them). */
    boolean isOriginal() {
        return !"upscale".equals(type) && !"background-removal".equals(type);
    }

    private static String word(List<String> words, byte index) {
        return words.get(index);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
