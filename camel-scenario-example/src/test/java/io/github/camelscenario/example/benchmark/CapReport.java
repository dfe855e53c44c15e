package io.github.camelscenario.example.benchmark;

import java.util.ArrayList;
import java.util.List;

import io.github.camelscenario.scenario.client.Paging;

import static io.github.camelscenario.example.benchmark.Figures.f;

/**
 * The paging-cap table and its targets, as Markdown: the consumer and the {@code allPages} producer at their defaults
 * behind the server's cap and without it, against the camel-http route behind the cap (which stops there) and without
 * it (the main table's row, measured in the same rounds).
 */
final class CapReport {

    /** New hits per request of a crawl at its defaults: the {@code hitsPerPage} of the request targets. */
    static final int STEP = Paging.DEFAULT_CRAWL_HITS_PER_PAGE;

    private final List<Measurement> capRows;
    private final List<Measurement> mainRows;
    private final int reps;
    private final int warmups;

    CapReport(List<Measurement> capRows, List<Measurement> mainRows, int reps, int warmups) {
        this.capRows = capRows;
        this.mainRows = mainRows;
        this.reps = reps;
        this.warmups = warmups;
    }

    String section() {
        Measurement any = capRows.get(0);
        int hits = any.setup.hits();
        StringBuilder s = new StringBuilder();
        s.append(f("Crawls of a %,d-asset library by the consumer and the allPages producer at their defaults (the "
                   + "search's filter set, nothing else), behind the local server's default paging cap and without "
                   + "a cap, and by the camel-http route behind the cap (it stops there; without a cap: the main "
                   + "table's row); %d repetition(s) after %d warm-up round(s), in the same rounds as the main table."
                   + "%n%n", hits, reps, warmups));
        s.append("| crawl | latency | server | hits delivered | median hits/s | min..max hits/s | vs camel-http route, "
                 + "same server | vs camel-http route, no cap | requests (median) | requests vs no cap | "
                 + "s per crawl (median) | time vs no cap | mean requests in flight (at least) |\n");
        s.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> targets = new ArrayList<>();
        for (long latency : latencies()) {
            Measurement routeOpen = route(mainRows, latency);
            Measurement routeCapped = route(capRows, latency);
            List<Measurement> rows = new ArrayList<>();
            capRows.stream().filter(m -> m.latencyMillis == latency).forEach(rows::add);
            if (routeOpen != null) {
                rows.add(routeOpen);
            }
            for (Measurement m : rows) {
                Measurement open = uncapped(m);
                boolean compared = open != null && open != m && !m.variant.pagesByNumber();
                s.append(f("| %s | %d ms | %s | %,d | %,.0f | %,.0f..%,.0f | %s | %s | %.0f | %s | %.2f | %s | %s |%n",
                        m.variant.name(), latency, m.cap(), m.hitsDelivered(), m.medianHitsPerSecond(),
                        m.minHitsPerSecond(), m.maxHitsPerSecond(),
                        Report.ratio(m, m.setup.maxTotalHits() > 0 ? routeCapped : routeOpen),
                        Report.ratio(m, routeOpen),
                        m.medianRequests(),
                        compared ? f("%.2fx", m.medianRequests() / open.medianRequests()) : "-", m.medianSeconds(),
                        compared ? f("%.2fx", m.medianSeconds() / open.medianSeconds()) : "-",
                        latency > 0 ? f("%.1f", inFlight(m)) : "-"));
            }
            for (Measurement m : capRows) {
                if (m.latencyMillis == latency && !m.variant.pagesByNumber()) {
                    target(targets, m, routeCapped);
                }
            }
        }
        s.append("\nhits delivered: by each run (the run fails unless the component's crawls deliver every asset "
                 + "once, and the route exactly what paging by number reaches). vs camel-http route: median hits/s "
                 + "divided by the route's against the same server (behind the cap, the route's rate over the 1,000 "
                 + "hits it delivers), and by the route's without a cap. requests: search requests the server "
                 + "counted in one run. vs no cap: the same crawl against the server without a cap. mean requests "
                 + "in flight: requests x latency / median time, a lower bound (each request takes the latency and "
                 + "more): 1 or less is one request at a time.\n\n");
        s.append(String.join("\n", targets)).append('\n');
        return s.toString();
    }

    private void target(List<String> targets, Measurement m, Measurement routeCapped) {
        long latency = m.latencyMillis;
        int hits = m.setup.hits();
        long pages = (hits + STEP - 1) / STEP;
        if (m.setup.maxTotalHits() > 0) {
            double limit = 1.25 * pages + 2;
            targets.add(Report.check(m.maxRequests() <= limit, f("%d ms, %s behind a cap of %,d: requests at most "
                                                                 + "1.25 x ceil(%d / %d) + 2 = %.2f: %d (max), "
                                                                 + "%,d hits delivered", latency, m.variant.name(),
                    m.setup.maxTotalHits(), hits, STEP, limit, m.maxRequests(), m.hitsDelivered())));
            if (latency == 20 && routeCapped != null) {
                double r = m.medianHitsPerSecond() / routeCapped.medianHitsPerSecond();
                targets.add(Report.check(r >= 2, f("20 ms, %s behind the cap at least 2x the camel-http route behind "
                                                   + "it (hits/s): %.2fx", m.variant.name(), r)));
                double inFlight = inFlight(m);
                targets.add(Report.check(inFlight > 1, f("20 ms, %s behind the cap reads the pages of a window "
                                                         + "concurrently (mean requests in flight above 1): at least "
                                                         + "%.1f", m.variant.name(), inFlight)));
            }
        } else {
            // before keyset windows, a crawl ended at its totals: one request per STEP new hits
            targets.add(Report.check(m.maxRequests() <= pages + 1, f("%d ms, %s without a cap: requests at most "
                                                                     + "one more than the crawl before keyset windows "
                                                                     + "(ceil(%d / %d) = %d): %d (max)", latency,
                    m.variant.name(), hits, STEP, pages, m.maxRequests())));
        }
    }

    /** The same crawl against the server without a cap, or {@code m} itself when it is that crawl. */
    private Measurement uncapped(Measurement m) {
        for (Measurement other : capRows) {
            if (other.variant == m.variant && other.latencyMillis == m.latencyMillis && other.setup.maxTotalHits() == 0) {
                return other;
            }
        }
        return null;
    }

    private static Measurement route(List<Measurement> rows, long latency) {
        for (Measurement m : rows) {
            if (m.latencyMillis == latency && m.variant instanceof CamelHttpVariant) {
                return m;
            }
        }
        return null;
    }

    private List<Long> latencies() {
        return capRows.stream().map(m -> m.latencyMillis).distinct().toList();
    }

    /** Requests x latency / median time: how many were in flight on average, at least. */
    private static double inFlight(Measurement m) {
        return m.medianRequests() * m.latencyMillis / 1000.0 / m.medianSeconds();
    }
}
