package io.github.camelscenario.example.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as filters compare them ({@code createdAt >= "2024-01-01"}): instants, whatever the form they are written
 * in. Keyset continuation ({@code createdAt <= "<the last hit's createdAt>"}) depends on it.
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Epoch millis of a filter literal: an ISO date ({@code 2024-01-01}, midnight UTC), a date and time with an offset
     * or {@code Z}, or without (UTC); {@code null} when it is none of these.
     */
    static Long parse(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // not with an offset: try the forms without
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Epoch millis of an asset's timestamp. The server writes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, read here without a
     * formatter (a search compares every asset); any other form goes through {@link #parse}.
     */
    static long ofStored(String stored) {
        if (stored.length() == 24 && stored.charAt(10) == 'T' && stored.charAt(23) == 'Z' && stored.charAt(19) == '.') {
            long days = LocalDate.of(digits(stored, 0, 4), digits(stored, 5, 2), digits(stored, 8, 2)).toEpochDay();
            long seconds = days * 86_400 + digits(stored, 11, 2) * 3600L + digits(stored, 14, 2) * 60L
                           + digits(stored, 17, 2);
            return seconds * 1000 + digits(stored, 20, 3);
        }
        Long parsed = parse(stored);
        if (parsed == null) {
            throw new IllegalStateException("Not a timestamp: " + stored);
        }
        return parsed;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
