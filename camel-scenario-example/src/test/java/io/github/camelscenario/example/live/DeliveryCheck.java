package io.github.camelscenario.example.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live-index property of one crawl: every asset present from the crawl's start to its end (in the index before
 * its first request and after its last) is delivered exactly once; an asset inserted or deleted during the crawl may
 * or may not be delivered, but never twice.
 */
public record DeliveryCheck(int stable, List<String> missed, Map<String, Integer> repeated, int delivered) {

    /** How many ids a message shows of a list. */
    private static final int SHOWN = 5;

    public static DeliveryCheck of(List<String> atStart, List<String> atEnd, List<String> delivered) {
        Set<String> stable = new HashSet<>(atStart);
        stable.retainAll(new HashSet<>(atEnd));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : delivered) {
            counts.merge(id, 1, Integer::sum);
        }
        List<String> missed = new ArrayList<>();
        // in index order, so a message shows where in the crawl the misses are
        for (String id : atStart) {
            if (stable.contains(id) && !counts.containsKey(id)) {
                missed.add(id);
            }
        }
        Map<String, Integer> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new DeliveryCheck(stable.size(), missed, repeated, delivered.size());
    }

    public boolean holds() {
        return missed.isEmpty() && repeated.isEmpty();
    }

    /** E.g. "1,180 stable, 1,201 delivered: 30 stable missed [a, b, ...], 2 delivered more than once {c=2, ...}". */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format("%,d stable, %,d delivered", stable, delivered));
        if (!missed.isEmpty()) {
            s.append(String.format(": %d stable missed %s", missed.size(), shown(missed)));
        }
        if (!repeated.isEmpty()) {
            s.append(String.format("%s %d delivered more than once %s", missed.isEmpty() ? ":" : ";", repeated.size(),
                    shown(repeated.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList())));
        }
        return s.toString();
    }

    private static String shown(List<String> ids) {
        return ids.size() <= SHOWN ? ids.toString()
                : ids.subList(0, SHOWN).toString().replace("]", ", ... " + (ids.size() - SHOWN) + " more]");
    }
}
