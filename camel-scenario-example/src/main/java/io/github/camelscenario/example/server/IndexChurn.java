package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Changes the index while it is being searched, reproducibly: every {@link #every(int) Nth} search request (counted
 * from the last {@link #every}, {@link #seed} or {@link #reset}), before that request is searched, {@link #inserts(int)}
 * assets are inserted and {@link #deletes(int)} deleted at positions of {@link #order(AssetOrder)} drawn from a Random
 * seeded with {@link #seed(long)}, at most {@link #maxSteps(int)} times. One step is atomic for searches: a search sees
 * all of it or none. Off by default; every method is thread-safe (request threads call {@link #onSearchRequest()}).
 * <p>
 * Which concurrent request sees a step depends on timing, but the steps themselves (which assets, where) depend only
 * on the seed and on what the dataset held, so a failing seed can be run again.
 */
public final class IndexChurn {

    private final AssetDataset dataset;
    private int every;
    private int inserts;
    private int deletes;
    private int maxSteps = Integer.MAX_VALUE;
    private long seed = 42;
    private AssetOrder order = AssetOrder.CREATED_AT_DESC;
    private SplittableRandom random = new SplittableRandom(seed);
    private long requests;
    private int steps;
    private final List<String> inserted = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    IndexChurn(AssetDataset dataset) {
        this.dataset = dataset;
    }

    /** Churns before every Nth search request from now on; 0 turns churning off. */
    public synchronized IndexChurn every(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("churn every must be 0 (off) or more requests, not " + requests);
        }
        this.every = requests;
        this.requests = 0;
        return this;
    }

    /** Assets inserted at random positions per step. */
    public synchronized IndexChurn inserts(int n) {
        this.inserts = nonNegative("churn inserts", n);
        return this;
    }

    /** Assets deleted at random positions per step. */
    public synchronized IndexChurn deletes(int n) {
        this.deletes = nonNegative("churn deletes", n);
        return this;
    }

    /** At most this many steps (default: no limit). */
    public synchronized IndexChurn maxSteps(int n) {
        this.maxSteps = nonNegative("churn maxSteps", n);
        return this;
    }

    /** The order whose positions are drawn (default createdAt:desc, the order of a feed). */
    public synchronized IndexChurn order(AssetOrder order) {
        if (order == null) {
            throw new IllegalArgumentException("churn order must be set");
        }
        this.order = order;
        return this;
    }

    /** Restarts the draws from {@code seed}, the request count, the step count and the logs. */
    public synchronized IndexChurn seed(long seed) {
        this.seed = seed;
        restart();
        return this;
    }

    /** Turns churning off and forgets the logs (inserts, deletes, maxSteps and order back to their defaults). */
    public synchronized IndexChurn reset() {
        every = 0;
        inserts = 0;
        deletes = 0;
        maxSteps = Integer.MAX_VALUE;
        order = AssetOrder.CREATED_AT_DESC;
        restart();
        return this;
    }

    /** Ids inserted by the steps so far, in order. */
    public synchronized List<String> inserted() {
        return List.copyOf(inserted);
    }

    /** Ids deleted by the steps so far, in order (may include ids inserted by an earlier step). */
    public synchronized List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** Steps made so far. */
    public synchronized int steps() {
        return steps;
    }

    /** Called by the search handler for every authenticated search request, before it is searched. */
    synchronized void onSearchRequest() {
        if (every == 0 || steps >= maxSteps || ++requests % every != 0) {
            return;
        }
        AssetDataset.Churned step = dataset.churn(order, inserts, deletes, random);
        inserted.addAll(step.inserted());
        deleted.addAll(step.deleted());
        steps++;
    }

    private void restart() {
        random = new SplittableRandom(seed);
        requests = 0;
        steps = 0;
        inserted.clear();
        deleted.clear();
    }

    private static int nonNegative(String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, not " + n);
        }
        return n;
    }
}
