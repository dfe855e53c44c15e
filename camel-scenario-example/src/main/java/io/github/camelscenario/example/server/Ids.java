package io.github.camelscenario.example.server;

import java.util.SplittableRandom;

/**
 * Scenario-looking identifiers: a prefix and 22 base62 characters. The alphabet is in ASCII order, so that ids whose
 * first characters encode the creation time sort by creation time, as the real ids roughly do.
 */
final class Ids {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 22;
    private static final int TIME_CHARS = 7;

    private Ids() {
    }

    /** {@code prefix} + 22 random base62 characters. */
    static String random(String prefix, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(62)));
        }
        return sb.toString();
    }

    /** {@code prefix} + 7 characters of {@code epochMillis} (fixed width, big-endian) + 15 random characters. */
    static String timeOrdered(String prefix, long epochMillis, SplittableRandom random) {
        char[] time = new char[TIME_CHARS];
        long v = epochMillis;
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            time[i] = ALPHABET.charAt((int) (v % 62));
            v /= 62;
        }
        StringBuilder sb = new StringBuilder(prefix.length() + LENGTH).append(prefix).append(time);
        for (int i = TIME_CHARS; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(62)));
        }
        return sb.toString();
    }

    /** A stable id derived from a number (used for ids that are only ever shown, such as a thumbnail's asset id). */
    static String derived(String prefix, long value) {
        long x = value;
        StringBuilder sb = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            x = mix(x + i);
            sb.append(ALPHABET.charAt((int) Long.remainderUnsigned(x, 62)));
        }
        return sb.toString();
    }

    /** SplitMix64 finaliser: spreads close inputs far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
