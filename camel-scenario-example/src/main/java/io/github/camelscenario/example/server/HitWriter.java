package io.github.camelscenario.example.server;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** Streams assets and search pages as JSON in the contract's shape, without building intermediate objects. */
final class HitWriter {

    private final FileUrls fileUrls;

    /** @param fileUrls signs the asset and thumbnail URLs, which point at the file host, each time a hit is written */
    HitWriter(FileUrls fileUrls) {
        this.fileUrls = fileUrls;
    }

    /**
     * Writes one page. Both paging styles are always present: {@code page}/{@code hitsPerPage} are derived from
     * offset/limit in offset style and the other way round.
     */
    void writePage(JsonGenerator g, SearchEngine.Result result, SearchSpec spec, long reachableHits) throws IOException {
        long first = spec.firstHit();
        int size = spec.pageSize();
        long end = Math.min(reachableHits, first + size);
        g.writeStartObject();
        g.writeArrayFieldStart("hits");
        for (long i = first; i < end; i++) {
            writeAsset(g, result.hit((int) i));
        }
        g.writeEndArray();
        g.writeNumberField("limit", size);
        g.writeNumberField("offset", first);
        g.writeNumberField("estimatedTotalHits", reachableHits);
        g.writeNumberField("hitsPerPage", size);
        g.writeNumberField("page", spec.pageStyle() ? spec.page() : first / size + 1);
        g.writeNumberField("totalHits", reachableHits);
        g.writeNumberField("totalPages", (reachableHits + size - 1) / size);
        g.writeEndObject();
    }

    void writeAsset(JsonGenerator g, StoredAsset a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id);
        g.writeStringField("authorId", a.authorId);
        g.writeStringField("ownerId", a.ownerId);
        g.writeStringField("teamId", a.teamId);
        writeArray(g, "collectionIds", a.collectionIds);
        g.writeStringField("createdAt", a.createdAt);
        g.writeStringField("updatedAt", a.updatedAt);
        g.writeStringField("mimeType", a.mimeType);
        g.writeStringField("privacy", a.privacy);
        g.writeStringField("url", fileUrls.url(a, FileUrls.Kind.IMAGE));
        g.writeStringField("description", a.description());
        g.writeStringField("transcription", a.transcription());
        writeArray(g, "nsfw", a.nsfw);
        writeArray(g, "tags", a.tags());
        g.writeNumberField("score", a.score);
        String thumbnailId = a.thumbnailAssetId();
        g.writeObjectFieldStart("thumbnail");
        g.writeStringField("assetId", thumbnailId);
        g.writeStringField("url", fileUrls.url(a, FileUrls.Kind.THUMBNAIL));
        g.writeEndObject();

        g.writeObjectFieldStart("metadata");
        g.writeStringField("aspectRatio", a.aspectRatio);
        g.writeStringField("baseModelId", a.baseModelId);
        g.writeStringField("kind", a.kind);
        g.writeStringField("modelId", a.modelId);
        g.writeStringField("modelType", a.modelType);
        g.writeStringField("name", a.name());
        g.writeStringField("negativePrompt", a.negativePrompt());
        g.writeStringField("parentJobId", a.parentJobId());
        g.writeStringField("prompt", a.prompt());
        g.writeStringField("scheduler", a.scheduler);
        g.writeStringField("seed", a.seedText());
        g.writeStringField("text", a.text());
        g.writeStringField("type", a.type);
        g.writeNumberField("guidance", a.guidance);
        g.writeNumberField("negativePromptStrength", a.negativePromptStrength);
        g.writeNumberField("numInferenceSteps", a.numInferenceSteps);
        g.writeNumberField("height", a.height);
        g.writeNumberField("width", a.width);
        g.writeNumberField("size", a.size);
        g.writeObjectFieldStart("thumbnail");
        g.writeStringField("assetId", thumbnailId);
        g.writeEndObject();
        g.writeEndObject();

        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, String field, String[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
