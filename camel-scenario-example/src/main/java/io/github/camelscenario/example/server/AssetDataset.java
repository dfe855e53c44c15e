package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;

/**
 * The assets the server searches: generated from a seed at start, appended to while running. Assets are only ever
 * appended, so an asset's index never changes and a search may keep using an array it read under the lock after
 * more assets were added. The snapshot version changes on every addition, which invalidates cached result orders.
 */
final class AssetDataset {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AssetGenerator generator;
    private final TextIndex textIndex = new TextIndex();
    private final Map<String, Integer> byId;
    private StoredAsset[] assets;
    private int size;
    private long version;

    AssetDataset(long seed, int count) {
        this.generator = new AssetGenerator(seed);
        this.assets = new StoredAsset[Math.max(16, count + count / 8)];
        this.byId = new HashMap<>(Math.max(16, count * 2));
        for (int i = 0; i < count; i++) {
            append(generator.next(0));
        }
    }

    /** A consistent view for one search: the assets array, how many of its entries exist, and the text index. */
    record Snapshot(StoredAsset[] assets, int size, long version, TextIndex textIndex, Map<String, Integer> byId) {
        StoredAsset byId(String id) {
            Integer i = byId.get(id);
            return i == null || i >= size ? null : assets[i];
        }
    }

    /** Runs {@code work} under the read lock: additions wait until it is done. */
    <T> T read(Function<Snapshot, T> work) {
        lock.readLock().lock();
        try {
            return work.apply(new Snapshot(assets, size, version, textIndex, byId));
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredAsset get(String id) {
        return read(s -> s.byId(id));
    }

    int size() {
        return read(Snapshot::size);
    }

    /** Adds {@code n} generated assets, created now or later than any existing asset; returns their ids. */
    List<String> addGenerated(int n) {
        List<String> ids = new ArrayList<>(n);
        lock.writeLock().lock();
        try {
            for (int i = 0; i < n; i++) {
                StoredAsset a = generator.next(System.currentTimeMillis());
                append(a);
                ids.add(a.id);
            }
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        return ids;
    }

    /**
     * Adds one asset shaped by {@code template}: every field the template sets is kept, the others are generated. Its
     * createdAt is the newest unless the template sets one.
     */
    String add(Asset template) {
        lock.writeLock().lock();
        try {
            StoredAsset a = generator.next(System.currentTimeMillis());
            apply(template, a);
            if (byId.containsKey(a.id)) {
                throw new IllegalArgumentException("An asset with id " + a.id + " exists already");
            }
            append(a);
            version++;
            return a.id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void append(StoredAsset a) {
        if (size == assets.length) {
            // a new array: searches still holding the old one keep seeing a consistent prefix
            assets = Arrays.copyOf(assets, size * 2);
        }
        assets[size] = a;
        byId.put(a.id, size);
        textIndex.add(size, a);
        size++;
    }

    private static void apply(Asset t, StoredAsset a) {
        if (t.getId() != null) {
            a.id = t.getId();
            a.grid = AssetGenerator.gridFor(a.id);
        }
        a.authorId = or(t.getAuthorId(), a.authorId);
        a.ownerId = or(t.getOwnerId(), a.ownerId);
        a.teamId = or(t.getTeamId(), a.teamId);
        if (t.getCollectionIds() != null) {
            a.collectionIds = t.getCollectionIds().toArray(String[]::new);
        }
        a.createdAt = or(t.getCreatedAt(), a.createdAt);
        a.updatedAt = or(t.getUpdatedAt(), t.getCreatedAt() != null ? t.getCreatedAt() : a.updatedAt);
        a.mimeType = or(t.getMimeType(), a.mimeType);
        a.privacy = or(t.getPrivacy(), a.privacy);
        a.description = t.getDescription();
        a.transcription = t.getTranscription();
        if (t.getNsfw() != null) {
            a.nsfw = t.getNsfw().toArray(String[]::new);
        }
        if (t.getTags() != null) {
            a.tags = t.getTags().toArray(String[]::new);
        }
        if (t.getScore() != null) {
            a.score = t.getScore();
        }
        AssetMetadata m = t.getMetadata();
        if (m == null) {
            return;
        }
        a.name = m.getName();
        a.prompt = m.getPrompt();
        a.negativePrompt = m.getNegativePrompt();
        a.text = m.getText();
        a.aspectRatio = or(m.getAspectRatio(), a.aspectRatio);
        a.baseModelId = or(m.getBaseModelId(), a.baseModelId);
        a.kind = or(m.getKind(), a.kind);
        a.modelId = or(m.getModelId(), a.modelId);
        a.modelType = or(m.getModelType(), a.modelType);
        a.scheduler = or(m.getScheduler(), a.scheduler);
        a.type = or(m.getType(), a.type);
        if (m.getSeed() != null) {
            try {
                a.seed = Long.parseLong(m.getSeed().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("metadata.seed must be a number in a string, not " + m.getSeed());
            }
        }
        if (m.getGuidance() != null) {
            a.guidance = m.getGuidance().floatValue();
        }
        if (m.getNegativePromptStrength() != null) {
            a.negativePromptStrength = m.getNegativePromptStrength().floatValue();
        }
        if (m.getNumInferenceSteps() != null) {
            a.numInferenceSteps = m.getNumInferenceSteps();
        }
        if (m.getWidth() != null) {
            a.width = m.getWidth();
        }
        if (m.getHeight() != null) {
            a.height = m.getHeight();
        }
        if (m.getSize() != null) {
            a.size = m.getSize();
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
