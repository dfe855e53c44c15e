package io.github.camelscenario.example.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import io.github.camelscenario.scenario.client.DataUrls;

/**
 * Runs a search: text relevance, filter, scope, image similarity, then sorting. The whole ordered result list of a
 * search is computed once and kept in a small LRU cache keyed by {@link SearchSpec#orderingKey()} and the dataset
 * version, so that each further page of the same search is only a slice of an array.
 */
final class SearchEngine {

    /** How much an {@code unlike} reference pushes similar assets down, relative to a {@code like}. */
    static final double UNLIKE_WEIGHT = 0.5;

    /** The ordered hits of one search. {@code assets} may be longer than the dataset was: use indices from order. */
    record Result(StoredAsset[] assets, int[] order) {
        int total() {
            return order.length;
        }

        StoredAsset hit(int position) {
            return assets[order[position]];
        }
    }

    private final AssetDataset dataset;
    private final Map<String, FutureTask<Result>> cache;

    SearchEngine(AssetDataset dataset, int cacheSize) {
        this.dataset = dataset;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Result>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    Result search(SearchSpec spec) {
        return dataset.read(snapshot -> {
            String key = spec.orderingKey() + "\u0002" + snapshot.version();
            FutureTask<Result> task;
            boolean mine = false;
            synchronized (cache) {
                task = cache.get(key);
                if (task == null) {
                    task = new FutureTask<>(() -> compute(spec, snapshot));
                    cache.put(key, task);
                    mine = true;
                }
            }
            // concurrent requests for other pages of the same search wait for this one computation
            if (mine) {
                task.run();
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while searching", e);
            } catch (ExecutionException e) {
                synchronized (cache) {
                    cache.remove(key, task);
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        });
    }

    private Result compute(SearchSpec spec, AssetDataset.Snapshot snapshot) {
        int n = snapshot.size();
        StoredAsset[] assets = snapshot.assets();

        float[] text = null;
        if (spec.hasQuery()) {
            text = new float[n];
            TextScorer.score(spec.query(), snapshot.textIndex(), n, text);
        }
        float[] like = spec.like().isEmpty() ? null : ImageVectors.mean(vectors(spec.like(), snapshot));
        float[] unlike = spec.unlike().isEmpty() ? null : ImageVectors.mean(vectors(spec.unlike(), snapshot));

        int[] candidates = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            StoredAsset a = assets[i];
            if (!a.deleted && (text == null || text[i] > 0) && inScope(a, spec) && (spec.filter() == null || spec.filter().test(a))) {
                candidates[count++] = i;
            }
        }
        candidates = Arrays.copyOf(candidates, count);
        double[] relevance = relevance(candidates, assets, n, text, like, unlike, spec.imageSemanticRatio());
        return new Result(assets, sort(candidates, assets, relevance, spec.sortBy()));
    }

    /** projectId scopes to the assets of that team (plus public ones with {@code public: true}). */
    private static boolean inScope(StoredAsset a, SearchSpec spec) {
        if (spec.originalAssets() && !a.isOriginal()) {
            return false;
        }
        if (spec.projectId() == null) {
            return true;
        }
        return spec.projectId().equals(a.teamId) || (spec.publicAssets() && "public".equals(a.privacy));
    }

    /** Relevance by asset index: text score, image similarity, or both blended by imageSemanticRatio. */
    private static double[] relevance(int[] candidates, StoredAsset[] assets, int n, float[] text, float[] like,
            float[] unlike, double imageRatio) {
        double[] relevance = new double[n];
        if (like == null && unlike == null) {
            if (text != null) {
                for (int i : candidates) {
                    relevance[i] = text[i];
                }
            }
            return relevance;
        }
        double likeNorm = like == null ? 0 : ImageVectors.norm(like);
        double unlikeNorm = unlike == null ? 0 : ImageVectors.norm(unlike);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i : candidates) {
            int[] grid = assets[i].grid;
            double s = (like == null ? 0 : ImageVectors.cosine(grid, like, likeNorm))
                       - (unlike == null ? 0 : UNLIKE_WEIGHT * ImageVectors.cosine(grid, unlike, unlikeNorm));
            relevance[i] = s;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        if (text == null) {
            return relevance;
        }
        // hybrid: both scores scaled to 0..1 over the candidates, then mixed
        double maxText = 0;
        for (int i : candidates) {
            maxText = Math.max(maxText, text[i]);
        }
        double span = max - min;
        for (int i : candidates) {
            double image = span == 0 ? 1 : (relevance[i] - min) / span;
            double t = maxText == 0 ? 0 : text[i] / maxText;
            relevance[i] = imageRatio * image + (1 - imageRatio) * t;
        }
        return relevance;
    }

    private static int[] sort(int[] candidates, StoredAsset[] assets, double[] relevance, List<SearchSpec.SortKey> sortBy) {
        Comparator<Integer> order = null;
        for (SearchSpec.SortKey key : sortBy) {
            Comparator<Integer> c = switch (key.attribute()) {
                case "createdAt" -> Comparator.comparing(i -> assets[i].createdAt);
                case "updatedAt" -> Comparator.comparing(i -> assets[i].updatedAt);
                case "width" -> Comparator.comparingInt(i -> assets[i].width);
                case "height" -> Comparator.comparingInt(i -> assets[i].height);
                case "score" -> Comparator.comparingDouble(i -> assets[i].score);
                default -> throw new IllegalStateException(key.attribute());
            };
            c = key.descending() ? c.reversed() : c;
            order = order == null ? c : order.thenComparing(c);
        }
        Comparator<Integer> byRelevance = (x, y) -> Double.compare(relevance[y], relevance[x]);
        Comparator<Integer> byId = Comparator.comparing(i -> assets[i].id);
        order = order == null ? byRelevance.thenComparing(byId) : order.thenComparing(byRelevance).thenComparing(byId);
        Integer[] boxed = new Integer[candidates.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = candidates[i];
        }
        Arrays.sort(boxed, order);
        int[] sorted = new int[boxed.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = boxed[i];
        }
        return sorted;
    }

    private static List<float[]> vectors(List<String> refs, AssetDataset.Snapshot snapshot) {
        List<float[]> vectors = new ArrayList<>(refs.size());
        for (String ref : refs) {
            if (DataUrls.isDataUrl(ref)) {
                vectors.add(ImageVectors.ofImage(decode(ref)));
            } else {
                StoredAsset a = snapshot.byId(ref);
                if (a == null) {
                    throw new BadRequestException(404, "NOT_FOUND", "Image reference \"" + ref
                                                                    + "\" is not an existing AssetId or a valid data URL");
                }
                vectors.add(ImageVectors.ofGrid(a.grid));
            }
        }
        return vectors;
    }

    static BufferedImage decode(String dataUrl) {
        byte[] bytes;
        try {
            bytes = DataUrls.decode(dataUrl);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Invalid image data URL: " + e.getMessage());
        }
        String type = DataUrls.detectImageType(bytes);
        if ("image/webp".equals(type)) {
            throw new BadRequestException("WebP images are not supported by this local server (javax.imageio cannot "
                                          + "decode them); send a PNG, JPEG or GIF data URL");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new BadRequestException("Cannot decode the data URL's picture"
                                              + (type == null ? " (not a PNG, JPEG or GIF)" : " (" + type + ")"));
            }
            return image;
        } catch (IOException e) {
            throw new BadRequestException("Cannot decode the data URL's picture: " + e.getMessage());
        }
    }
}
