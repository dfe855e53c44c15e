package io.github.camelscenario.example.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields a filter may name, flat as in Scenario's filters ({@code width} is {@code metadata.width};
 * {@code metadata.width} is accepted too). A value is a String, a Double, a String[] (arrays) or null.
 */
final class FilterFields {

    private static final Map<String, Function<StoredAsset, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", a -> a.id);
        FIELDS.put("authorId", a -> a.authorId);
        FIELDS.put("ownerId", a -> a.ownerId);
        FIELDS.put("teamId", a -> a.teamId);
        FIELDS.put("collectionIds", a -> a.collectionIds);
        FIELDS.put("createdAt", a -> a.createdAt);
        FIELDS.put("updatedAt", a -> a.updatedAt);
        FIELDS.put("mimeType", a -> a.mimeType);
        FIELDS.put("privacy", a -> a.privacy);
        FIELDS.put("description", StoredAsset::description);
        FIELDS.put("transcription", StoredAsset::transcription);
        FIELDS.put("nsfw", a -> a.nsfw);
        FIELDS.put("tags", StoredAsset::tags);
        FIELDS.put("score", a -> a.score);
        FIELDS.put("kind", a -> a.kind);
        FIELDS.put("type", a -> a.type);
        FIELDS.put("modelId", a -> a.modelId);
        FIELDS.put("baseModelId", a -> a.baseModelId);
        FIELDS.put("modelType", a -> a.modelType);
        FIELDS.put("name", StoredAsset::name);
        FIELDS.put("prompt", StoredAsset::prompt);
        FIELDS.put("negativePrompt", StoredAsset::negativePrompt);
        FIELDS.put("negativePromptStrength", a -> (double) a.negativePromptStrength);
        FIELDS.put("text", StoredAsset::text);
        FIELDS.put("seed", StoredAsset::seedText);
        FIELDS.put("scheduler", a -> a.scheduler);
        FIELDS.put("aspectRatio", a -> a.aspectRatio);
        FIELDS.put("width", a -> (double) a.width);
        FIELDS.put("height", a -> (double) a.height);
        FIELDS.put("size", a -> (double) a.size);
        FIELDS.put("guidance", a -> (double) a.guidance);
        FIELDS.put("numInferenceSteps", a -> (double) a.numInferenceSteps);
        FIELDS.put("parentJobId", StoredAsset::parentJobId);
    }

    private FilterFields() {
    }

    /** Whether the field holds a timestamp, compared as an instant. */
    static boolean isTimestamp(String field) {
        String flat = field.startsWith("metadata.") ? field.substring("metadata.".length()) : field;
        return flat.equals("createdAt") || flat.equals("updatedAt");
    }

    /** The accessor of a field, or null when the field is not filterable. */
    static Function<StoredAsset, Object> accessor(String field) {
        String flat = field.startsWith("metadata.") ? field.substring("metadata.".length()) : field;
        return FIELDS.get(flat);
    }

    static Set<String> names() {
        return FIELDS.keySet();
    }
}
