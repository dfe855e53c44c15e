package io.github.camelscenario.example.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;

/**
 * The assets the server searches: generated from a seed at start, added to and deleted from while running. Assets are
 * only ever appended to the array (an insertion "between" two assets is a new entry whose sort keys lie between
 * theirs) and a deletion only marks its entry, so an asset's index never changes and a search may keep using an array
 * it read under the lock after the dataset changed. The snapshot version changes on every change, which invalidates
 * cached result orders.
 */
final class AssetDataset {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AssetGenerator generator;
    private final TextIndex textIndex = new TextIndex();
    private final Map<String, Integer> byId;
    private StoredAsset[] assets;
    private int size;
    /** Entries not deleted. */
    private int live;
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

    /** How many assets a search can find (deleted ones left out). */
    int size() {
        lock.readLock().lock();
        try {
            return live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Deletes an asset; {@code false} when there is none with this id (or it was deleted already). */
    boolean delete(String id) {
        lock.writeLock().lock();
        try {
            Integer i = byId.get(id);
            if (i == null) {
                return false;
            }
            markDeleted(assets[i]);
            version++;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes the asset at {@code position} of {@code order}; returns its id. */
    String deleteAt(AssetOrder order, int position) {
        lock.writeLock().lock();
        try {
            List<StoredAsset> ordered = ordered(order);
            checkPosition("position", position, ordered.size() - 1);
            StoredAsset a = ordered.get(position);
            markDeleted(a);
            version++;
            return a.id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Inserts a generated asset so that it lands at {@code position} of {@code order} (0 = first; the live count =
     * after the last): its sort key (createdAt, or updatedAt and createdAt alike) is drawn strictly between its
     * neighbours' (newer than every asset at the newest end, older than every asset at the oldest), and its id starts
     * with its creation time like every generated id. Returns its id.
     *
     * @throws IllegalStateException when the neighbours are less than 2 ms apart (no free timestamp between them)
     */
    String insertAt(AssetOrder order, int position, SplittableRandom random) {
        lock.writeLock().lock();
        try {
            List<StoredAsset> ordered = ordered(order);
            checkPosition("position", position, ordered.size());
            StoredAsset a = insertBetween(order, ordered, position, random);
            version++;
            return a.id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * One churn step, atomic for searches: {@code inserts} insertions and {@code deletes} deletions at positions of
     * {@code order} drawn from {@code random} (alternating, so a deletion may take an asset inserted in the same
     * step). A position without a free timestamp between its neighbours is drawn again.
     */
    Churned churn(AssetOrder order, int inserts, int deletes, SplittableRandom random) {
        List<String> inserted = new ArrayList<>(inserts);
        List<String> deleted = new ArrayList<>(deletes);
        lock.writeLock().lock();
        try {
            List<StoredAsset> ordered = ordered(order);
            for (int i = 0; i < Math.max(inserts, deletes); i++) {
                if (i < inserts) {
                    StoredAsset a = null;
                    for (int attempt = 0; a == null; attempt++) {
                        try {
                            a = insertBetween(order, ordered, random.nextInt(ordered.size() + 1), random);
                        } catch (IllegalStateException crowded) {
                            if (attempt == 100) {
                                throw crowded;
                            }
                        }
                    }
                    inserted.add(a.id);
                }
                if (i < deletes && !ordered.isEmpty()) {
                    StoredAsset a = ordered.remove(random.nextInt(ordered.size()));
                    markDeleted(a);
                    deleted.add(a.id);
                }
            }
            version++;
        } finally {
            lock.writeLock().unlock();
        }
        return new Churned(inserted, deleted);
    }

    /** What one churn step did. */
    record Churned(List<String> inserted, List<String> deleted) {
    }

    /** The ids of the live assets in {@code order}. */
    List<String> ids(AssetOrder order) {
        lock.readLock().lock();
        try {
            List<StoredAsset> ordered = ordered(order);
            List<String> ids = new ArrayList<>(ordered.size());
            for (StoredAsset a : ordered) {
                ids.add(a.id);
            }
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Live assets sorted like a filter-only search in {@code order} (caller holds a lock). */
    private List<StoredAsset> ordered(AssetOrder order) {
        List<StoredAsset> list = new ArrayList<>(live);
        for (int i = 0; i < size; i++) {
            if (!assets[i].deleted) {
                list.add(assets[i]);
            }
        }
        list.sort(order.comparator());
        return list;
    }

    /** Makes, appends and puts into {@code ordered} an asset whose sort key lies between its neighbours' there. */
    private StoredAsset insertBetween(AssetOrder order, List<StoredAsset> ordered, int position, SplittableRandom random) {
        Long before = position > 0 ? millis(order.key(ordered.get(position - 1))) : null;
        Long after = position < ordered.size() ? millis(order.key(ordered.get(position))) : null;
        Long newer = order.descending() ? before : after;
        Long older = order.descending() ? after : before;
        long gap = 2 * AssetGenerator.MEAN_GAP_MILLIS;
        long at;
        if (newer == null && older == null) {
            at = System.currentTimeMillis();
        } else if (newer == null) {
            at = older + 1 + random.nextLong(gap);
        } else if (older == null) {
            at = newer - 1 - random.nextLong(gap);
        } else if (newer - older >= 2) {
            at = older + 1 + random.nextLong(newer - older - 1);
        } else {
            throw new IllegalStateException("No free timestamp at position " + position + " of " + order.sortBy()
                                            + ": its neighbours are " + (newer - older) + " ms apart");
        }
        StoredAsset a = generator.at(at);
        a.updatedAt = a.createdAt;
        append(a);
        ordered.add(position, a);
        return a;
    }

    private static long millis(String timestamp) {
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Cannot insert next to an asset whose timestamp '" + timestamp
                                            + "' is not an ISO-8601 instant", e);
        }
    }

    private void markDeleted(StoredAsset a) {
        a.deleted = true;
        byId.remove(a.id);
        live--;
    }

    private static void checkPosition(String name, int position, int max) {
        if (position < 0 || position > max) {
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", not " + position);
        }
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
        live++;
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
