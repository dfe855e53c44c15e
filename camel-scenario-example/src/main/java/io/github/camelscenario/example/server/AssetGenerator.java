package io.github.camelscenario.example.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Makes realistic, deterministic assets from a seed. Pools of users, teams, collections and models are drawn once, so
 * that filters such as {@code authorId = ...} or {@code collectionIds = ...} match groups of assets.
 */
final class AssetGenerator {

    /** Fixed so that the same seed gives the same dataset on any day. */
    static final long FIRST_CREATED_MILLIS = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    /** Average gap between two generated assets: 100,000 assets span about 2.3 years. */
    static final long MEAN_GAP_MILLIS = 12 * 60 * 1000L;


    private final SplittableRandom random;
    private final String[] users;
    private final String[] teams;
    private final String[] collections;
    private final String[] models;
    private final String[] baseModels;
    /** Shared by all assets without collections or nsfw labels; never modified. */
    private static final String[] NO_STRINGS = new String[0];
    private long lastCreatedMillis = FIRST_CREATED_MILLIS;

    AssetGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.teams = pool("team_", 40);
        this.users = pool("user_", 400);
        this.collections = pool("collection_", 150);
        this.models = pool("model_", 24);
        this.baseModels = pool("model_", 5);
    }

    /** The next generated asset, created a little after the previous one (or at {@code notBeforeMillis}). */
    StoredAsset next(long notBeforeMillis) {
        long created = Math.max(lastCreatedMillis + 1 + random.nextLong(2 * MEAN_GAP_MILLIS), notBeforeMillis);
        return at(created);
    }

    /**
     * An asset created at exactly {@code created} (an insertion between two others); later {@link #next} assets are
     * still newer than every asset made so far.
     */
    StoredAsset at(long created) {
        SplittableRandom r = random;
        lastCreatedMillis = Math.max(lastCreatedMillis, created);

        StoredAsset a = new StoredAsset();
        a.id = Ids.timeOrdered("asset_", created, r);
        int user = r.nextInt(users.length);
        a.authorId = users[user];
        // a user belongs to one team; a few assets were transferred to another owner
        a.ownerId = r.nextInt(20) == 0 ? users[r.nextInt(users.length)] : a.authorId;
        a.teamId = teams[user % teams.length];
        a.collectionIds = collectionsFor(r);
        a.createdAt = timestamp(created);
        long updated = r.nextInt(3) == 0 ? created + r.nextLong(30L * 24 * 3600 * 1000) : created;
        a.updatedAt = updated == created ? a.createdAt : timestamp(updated);
        a.mimeType = r.nextInt(4) == 0 ? "image/jpeg" : "image/png";
        int p = r.nextInt(10);
        a.privacy = p < 6 ? "private" : p < 9 ? "public" : "unlisted";
        // popularity: most assets are seen rarely, a few a lot
        a.score = Math.round(Math.pow(r.nextDouble(), 4) * 100_000) / 100.0;

        a.subject = (byte) r.nextInt(Vocabulary.SUBJECTS.size());
        a.colour = (byte) r.nextInt(Vocabulary.COLOURS.size());
        a.place = (byte) r.nextInt(Vocabulary.PLACES.size());
        a.style = (byte) r.nextInt(Vocabulary.STYLES.size());
        a.mood = (byte) r.nextInt(Vocabulary.MOODS.size());
        a.adjective = (byte) r.nextInt(Vocabulary.ADJECTIVES.size());
        a.negativePromptIndex = (byte) r.nextInt(Vocabulary.NEGATIVE_PROMPTS.size());
        a.nsfw = r.nextInt(50) == 0 ? new String[] { "violence" } : NO_STRINGS;

        int k = r.nextInt(100);
        a.kind = k < 94 ? "image" : k < 97 ? "3d" : "video";
        a.type = Vocabulary.TYPES[r.nextInt(Vocabulary.TYPES.length)];
        int model = r.nextInt(models.length);
        a.modelId = models[model];
        a.baseModelId = baseModels[model % baseModels.length];
        a.modelType = Vocabulary.MODEL_TYPES.get(model % Vocabulary.MODEL_TYPES.size());
        a.scheduler = Vocabulary.SCHEDULERS.get(r.nextInt(Vocabulary.SCHEDULERS.size()));
        int s = r.nextInt(Vocabulary.SIZES.length);
        a.width = Vocabulary.SIZES[s][0];
        a.height = Vocabulary.SIZES[s][1];
        a.aspectRatio = Vocabulary.SIZE_RATIOS[s];
        a.size = (long) (a.width * (long) a.height * (0.6 + r.nextDouble()));
        a.seed = r.nextLong(4_294_967_296L);
        a.guidance = Math.round((3.5 + r.nextDouble() * 8.5) * 10) / 10f;
        a.numInferenceSteps = 20 + r.nextInt(31);
        a.negativePromptStrength = Math.round(r.nextDouble() * 100) / 100f;
        a.grid = grid(Vocabulary.PLACE_COLOURS[a.place], Vocabulary.COLOUR_VALUES[a.colour], r);
        return a;
    }

    /**
     * The asset's picture: the place's colour around, the subject's colour in the middle four cells, each cell varied
     * a little so that no two assets look exactly alike.
     */
    static int[] grid(int background, int subject, SplittableRandom r) {
        int[] grid = new int[16];
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                boolean centre = row >= 1 && row <= 2 && col >= 1 && col <= 2;
                grid[row * 4 + col] = vary(centre ? subject : background, r);
            }
        }
        return grid;
    }

    private static int vary(int rgb, SplittableRandom r) {
        int red = clamp(((rgb >> 16) & 0xFF) + r.nextInt(-28, 29));
        int green = clamp(((rgb >> 8) & 0xFF) + r.nextInt(-28, 29));
        int blue = clamp((rgb & 0xFF) + r.nextInt(-28, 29));
        return (red << 16) | (green << 8) | blue;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private String[] collectionsFor(SplittableRandom r) {
        int n = r.nextInt(10);
        if (n < 5) {
            return NO_STRINGS;
        }
        int count = n < 8 ? 1 : n < 9 ? 2 : 3;
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = collections[r.nextInt(collections.length)];
        }
        return ids;
    }

    private String[] pool(String prefix, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Ids.random(prefix, random);
        }
        return ids;
    }

    /** A picture grid for an asset added from outside: derived from its id so it is stable. */
    static int[] gridFor(String id) {
        SplittableRandom r = new SplittableRandom(id.hashCode());
        return grid(Vocabulary.PLACE_COLOURS[r.nextInt(Vocabulary.PLACE_COLOURS.length)],
                Vocabulary.COLOUR_VALUES[r.nextInt(Vocabulary.COLOUR_VALUES.length)], r);
    }

    /**
     * {@code 2024-03-05T12:34:56.789Z}: always with milliseconds, so that timestamps compare correctly as strings.
     * Hand-rolled because a DateTimeFormatter costs a noticeable share of generating 100,000 assets.
     */
    static String timestamp(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, date.getYear(), 4);
        digits(c, 5, date.getMonthValue(), 2);
        digits(c, 8, date.getDayOfMonth(), 2);
        digits(c, 11, secondOfDay / 3600, 2);
        digits(c, 14, secondOfDay / 60 % 60, 2);
        digits(c, 17, secondOfDay % 60, 2);
        digits(c, 20, millis, 3);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            c[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
