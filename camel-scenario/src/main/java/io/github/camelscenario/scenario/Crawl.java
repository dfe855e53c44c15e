package io.github.camelscenario.scenario;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.PageCrawl;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl of a consumer, from its first read until every exchange it sent settled: the pages it walks
 * ({@link PageCrawl}), which hits it emits (the {@link Feed} says what was delivered or is in flight), the hits decided
 * but not sent yet (the route stopped mid-batch), and how each exchange ended.
 * <p>
 * <b>The marks.</b> A crawl of an onlyNew feed in the default order (newest first) records, once it was walked to its
 * end and every exchange it sent or waited for settled (completed, or failed: whatever the route does with them,
 * {@code .threads()}, seda, async), where every hit from there down is delivered: its {@link #MARKS} newest hits when
 * nothing failed, else the {@link #MARKS} hits right after the deepest failure. Several, so that deleting the newest
 * asset does not erase the feed's place. A catch-up crawl reads down to the first read holding a mark, so an asset
 * whose exchange keeps failing (a poison asset) is met, and offered again, by every later crawl, at the cost of
 * reaching it plus a read, while new assets keep arriving; none is lost if the process dies, since a mark never
 * covers a hit that did not settle as delivered.
 */
final class Crawl {

    private static final Logger LOG = LoggerFactory.getLogger(Crawl.class);

    /** Marks a crawl records: the hits of its mark position and the few after it. */
    static final int MARKS = 4;

    enum Kind {
        /** Walks everything, emitting what the feed does not hold (every hit without onlyNew). */
        FULL,
        /** Newest first, down to the first read holding a mark. */
        CATCH_UP
    }

    final PageCrawl pages;
    private final Feed feed;
    /** Who walks it (a route, or a template's consumer): without onlyNew, its flights are its own. */
    private final Object owner;
    private final Kind kind;
    private final boolean records;
    private final String name;
    private final CrawlStatistics statistics;
    private final long startNanos = System.nanoTime();

    /** Hits decided but not sent: the next poll (or the route's next consumer) sends them first. */
    private final Deque<Entry> unsent = new ArrayDeque<>();
    // walker thread only
    private final List<Entry> awaitingSuccessor = new ArrayList<>();
    /** Marks found in the reads of a catch-up crawl (it stops at the first read holding one). */
    private final Set<String> marksInReads = new HashSet<>();
    /** Marks this crawl walked past, in order, with their positions. */
    private final List<Met> marksMet = new ArrayList<>();
    private final List<String> newestIds = new ArrayList<>(MARKS);
    private long emitted;
    private long skippedDelivered;
    private long skippedInFlight;
    private long skippedWithoutId;

    // any thread
    private final AtomicInteger unsettled = new AtomicInteger();
    private final ConcurrentSkipListMap<Long, Entry> failures = new ConcurrentSkipListMap<>();
    private volatile boolean walked;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param pagesFactory builds the crawl's pages, given the catch-up test (null for a full crawl)
     * @param name         how logs name the crawl (the route), without credentials
     */
    Crawl(Feed feed, Object owner, Kind kind, boolean records, String name, CrawlStatistics statistics,
          PagesFactory pagesFactory) {
        this.feed = feed;
        this.owner = owner;
        this.kind = kind;
        this.records = records;
        this.name = name;
        this.statistics = statistics;
        this.pages = pagesFactory.pages(kind == Kind.CATCH_UP ? asset -> markIn(asset.getId()) : null);
    }

    /** Makes the pages of a crawl, given the catch-up test ({@code null} for a full crawl). */
    interface PagesFactory {
        PageCrawl pages(Predicate<Asset> caughtUp);
    }

    Kind kind() {
        return kind;
    }

    /** Whether every hit was walked and sent: the next poll starts a new crawl. */
    boolean isWalked() {
        return walked;
    }

    /**
     * The next hits to send, at most {@code max}: those left unsent first, else what remains of the read in hand (or
     * the next read) less what the feed delivered or has in flight. Empty when a whole read held nothing to send.
     *
     * @return the hits, or {@code null} when the crawl is walked (or suspended)
     */
    List<Entry> nextBatch(int max) throws IOException {
        List<Entry> batch = new ArrayList<>();
        while (!unsent.isEmpty() && batch.size() < max) {
            batch.add(unsent.poll());
        }
        if (!batch.isEmpty()) {
            return batch;
        }
        PageCrawl.Hit hit = pages.next();
        if (hit == null) {
            return null;
        }
        try {
            decide(hit, batch);
            while (batch.size() < max && pages.remainingInRead() > 0) {
                hit = pages.next();
                decide(hit, batch);
            }
        } catch (RuntimeException e) {
            // the repository failed mid-read: what was decided goes out with the next poll, and the hit being decided
            // counts as failed, so this crawl's marks stay below it and the next crawl offers it again
            giveBack(batch);
            enter(hit).settle(false);
            throw e;
        }
        return batch;
    }

    /** Hits of a batch the route did not take (it stopped): sent first by the next poll. */
    void giveBack(List<Entry> notSent) {
        for (int i = notSent.size() - 1; i >= 0; i--) {
            unsent.addFirst(notSent.get(i));
        }
    }

    private void decide(PageCrawl.Hit hit, List<Entry> batch) {
        String id = hit.asset().getId();
        if (id != null) {
            if (newestIds.size() < MARKS) {
                newestIds.add(id);
            }
            awaitingSuccessor.removeIf(e -> e.followedBy(id));
            if (records && (kind == Kind.CATCH_UP ? marksInReads.contains(id) : feed.isMarked(id))) {
                marksMet.add(new Met(hit.offset(), id));
            }
        }
        if (id == null) {
            if (feed.remembers()) {
                skippedWithoutId++; // it could never be recorded as delivered
            } else {
                batch.add(enter(hit));
                emitted++;
            }
            return;
        }
        if (feed.isDelivered(id)) {
            skippedDelivered++;
            return;
        }
        Entry e = enter(hit);
        Feed.Flight flight = feed.depart(owner, id);
        while (flight == null) {
            // another crawl or consumer sent it: this crawl settles when that exchange does
            Feed.Flight other = feed.flightOf(owner, id);
            if (other != null && other.watch(e)) {
                skippedInFlight++;
                return;
            }
            if (deliveredMeanwhile(id)) {
                e.settle(true);
                skippedDelivered++;
                return;
            }
            flight = feed.depart(owner, id);
        }
        e.flight = flight;
        batch.add(e);
        emitted++;
    }

    /** Whether the flight that just ended delivered the asset; a repository that cannot tell counts as not. */
    private boolean deliveredMeanwhile(String id) {
        try {
            return feed.isDelivered(id);
        } catch (RuntimeException e) {
            return false; // sent again: a duplicate at worst, never a loss
        }
    }

    /** A hit this crawl waits for: its exchange, or another's of the same asset, must settle before the mark. */
    private Entry enter(PageCrawl.Hit hit) {
        Entry e = new Entry(hit);
        unsettled.incrementAndGet();
        awaitingSuccessor.add(e);
        return e;
    }

    /** The catch-up test of a hit of a read: whether a mark stands at it. */
    private boolean markIn(String id) {
        if (id != null && feed.isMarked(id)) {
            marksInReads.add(id);
            return true;
        }
        return false;
    }

    /** At the end of a poll: the crawl was walked to its end when its pages are and nothing is left unsent. */
    void pollEnded() {
        if (walked || !pages.isComplete() || !unsent.isEmpty()) {
            return;
        }
        walked = true;
        statistics.crawlCompleted();
        if (skippedWithoutId > 0) {
            LOG.warn("Scenario crawl of {} skipped {} hit(s) without an id: an asset without an id cannot be "
                     + "remembered as delivered (onlyNew)", name, skippedWithoutId);
        }
        LOG.info("Scenario crawl of {} ({}) walked {} hit(s) with {} page request(s) in {} keyset window(s): {} "
                 + "emitted, {} skipped (delivered before: {}, in flight: {}, without id: {}), {} ms", name,
                kind == Kind.CATCH_UP ? "catch-up" : "full", pages.walked(), pages.getRequests(),
                pages.getContinuations() + 1, emitted, skippedDelivered + skippedInFlight + skippedWithoutId,
                skippedDelivered, skippedInFlight, skippedWithoutId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        closeIfSettled();
    }

    /**
     * A crawl its consumer drops before its end (a fresh crawl asked, a consumer without route stopped): hits decided
     * but not sent count as failed, so that whoever waits for them goes on.
     */
    void abandon() {
        pages.suspend();
        for (Entry e; (e = unsent.poll()) != null;) {
            e.landed(false);
        }
    }

    private void settled(Entry e, boolean delivered) {
        if (!delivered) {
            failures.put(e.hit.offset(), e);
        }
        unsettled.decrementAndGet();
        closeIfSettled();
    }

    /** Once walked and settled: the mark (see the class comment), and a WARN for what was left behind. */
    private void closeIfSettled() {
        if (!walked || unsettled.get() > 0 || !closed.compareAndSet(false, true)) {
            return;
        }
        List<String> marks = newestIds;
        long markedFrom = -1;
        if (!failures.isEmpty()) {
            Entry deepest = failures.lastEntry().getValue();
            marks = deepest.successors;
            markedFrom = deepest.hit.offset();
            LOG.warn("Scenario crawl of {}: {} exchange(s) failed and are offered again by the next crawl (the first: "
                     + "asset {}); handle what cannot be delivered in the route (a dead letter channel) to move on",
                    name, failures.size(), failures.values().iterator().next().hit.asset().getId());
        }
        if (!records) {
            return;
        }
        if (pages.isWhole() && !marks.isEmpty()) {
            feed.mark(marks, marksBelow(markedFrom), marksMet.stream().map(Met::id).toList());
        } else {
            // no claim can be made (the crawl was cut short, or nothing follows its deepest failure); but a mark
            // above a failed asset would stop the next catch-up before it: those go
            feed.unmark(marksAbove(markedFrom));
        }
    }

    /**
     * The marks this crawl met below {@code position}, in order; those above it (between the top and a failed hit) are
     * left out, so they go: a catch-up crawl must read down past the failure.
     */
    private List<String> marksBelow(long position) {
        return marksMet.stream().filter(m -> m.position() > position).map(Met::id).toList();
    }

    private List<String> marksAbove(long position) {
        return marksMet.stream().filter(m -> m.position() < position).map(Met::id).toList();
    }

    /** A mark a crawl walked past: where, and at which asset. */
    private record Met(long position, String id) {
    }

    /** A hit this crawl sent or waits for, until its exchange settles. */
    final class Entry implements Synchronization {
        final PageCrawl.Hit hit;
        /** Its exchange's flight; {@code null} for a hit without an id, and for one another crawl sent. */
        private Feed.Flight flight;
        /** The ids of the first hits with an id walked after it (where marks can stand if it fails). */
        private final List<String> successors = new ArrayList<>(MARKS);

        private Entry(PageCrawl.Hit hit) {
            this.hit = hit;
        }

        /** A hit with an id was walked after it; {@code true} once it knows enough of them (walker thread). */
        private boolean followedBy(String id) {
            successors.add(id);
            return successors.size() >= MARKS;
        }

        /** The message of its exchange: the hit, its id, its page and the total the crawl's first answers told. */
        void describe(Message message) {
            message.setBody(hit.asset());
            if (hit.asset().getId() != null) {
                message.setHeader(ScenarioConstants.ASSET_ID, hit.asset().getId());
            }
            message.setHeader(ScenarioConstants.RESULT_PAGE, hit.page());
            if (hit.totalHits() != null) {
                message.setHeader(ScenarioConstants.TOTAL_HITS, hit.totalHits());
            }
        }

        /** How the flight of another crawl's exchange of this asset ended. */
        void settle(boolean delivered) {
            settled(this, delivered);
        }

        /** This crawl's exchange of the hit ended. */
        void landed(boolean delivered) {
            settled(this, flight == null ? delivered : feed.land(hit.asset().getId(), flight, delivered));
        }

        @Override
        public void onComplete(Exchange exchange) {
            landed(true);
        }

        @Override
        public void onFailure(Exchange exchange) {
            landed(false);
        }

        @Override
        public String toString() {
            return "ScenarioCrawlEntry[" + hit.asset().getId() + "]";
        }
    }
}
