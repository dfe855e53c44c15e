package io.github.camelscenario.example.benchmark;

import java.util.List;
import java.util.Locale;

/** The small sums and formats the benchmark reports share. */
final class Figures {

    private Figures() {
    }

    static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    /** A figure formatted the same whatever the machine's locale. */
    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
