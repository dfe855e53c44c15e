package io.github.camelscenario.example.server;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A parsed filter: a predicate over assets. Leaves compare one field with literals; arrays match when any element
 * does (so {@code tags = cat} means "tags contains cat"). Numbers compare numerically, {@code createdAt} and
 * {@code updatedAt} as instants ({@link TimeCompare}), everything else as strings: equality ignores case, ordering is
 * lexicographic.
 */
interface FilterExpression {

    boolean test(StoredAsset asset);

    /** A literal as written, with its numeric value when it reads as a number. */
    record Literal(String text, Double number) {
        static Literal of(String text) {
            Double number = null;
            try {
                number = Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                // not a number: compared as a string
            }
            if (number != null && (number.isNaN() || number.isInfinite())) {
                number = null;
            }
            return new Literal(text, number);
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        public boolean test(StoredAsset a) {
            return left.test(a) && right.test(a);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        public boolean test(StoredAsset a) {
            return left.test(a) || right.test(a);
        }
    }

    record Not(FilterExpression inner) implements FilterExpression {
        public boolean test(StoredAsset a) {
            return !inner.test(a);
        }
    }

    /** {@code field op literal} for = != > >= < <=. */
    record Compare(String field, Function<StoredAsset, Object> accessor, String op, Literal literal)
            implements FilterExpression {
        public boolean test(StoredAsset a) {
            Object value = accessor.apply(a);
            if (op.equals("!=")) {
                return !anyMatches(value, "=");
            }
            return anyMatches(value, op);
        }

        private boolean anyMatches(Object value, String operator) {
            if (value instanceof String[] array) {
                for (String element : array) {
                    if (matches(element, operator)) {
                        return true;
                    }
                }
                return false;
            }
            return matches(value, operator);
        }

        private boolean matches(Object value, String operator) {
            if (value == null) {
                return false;
            }
            int cmp;
            if (value instanceof Double d) {
                if (literal.number() == null) {
                    return false;
                }
                cmp = Double.compare(d, literal.number());
            } else {
                String s = (String) value;
                if (operator.equals("=")) {
                    return s.equalsIgnoreCase(literal.text());
                }
                Double n = literal.number() != null ? numberOrNull(s) : null;
                cmp = n != null ? Double.compare(n, literal.number()) : s.compareTo(literal.text());
            }
            return holds(operator, cmp);
        }

        private static Double numberOrNull(String s) {
            if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')) {
                return null; // cheap test first: most strings are not numbers
            }
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** {@code createdAt op "2024-01-01"}: the asset's timestamp and the literal compared as instants. */
    record TimeCompare(String field, Function<StoredAsset, Object> accessor, String op, long millis)
            implements FilterExpression {
        public boolean test(StoredAsset a) {
            Object value = accessor.apply(a);
            if (value == null) {
                return op.equals("!=");
            }
            return holds(op, Long.compare(Timestamps.ofStored((String) value), millis));
        }
    }

    /** Whether a comparison's outcome ({@code cmp}, as from {@code compareTo}) satisfies the operator. */
    private static boolean holds(String op, int cmp) {
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    /** {@code field IN [a, b]}: equal to any of the literals. */
    record In(String field, List<FilterExpression> alternatives) implements FilterExpression {
        public boolean test(StoredAsset a) {
            for (FilterExpression c : alternatives) {
                if (c.test(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code field IS EMPTY}: an empty string or array, or no value at all. */
    record Empty(String field, Function<StoredAsset, Object> accessor) implements FilterExpression {
        public boolean test(StoredAsset a) {
            Object v = accessor.apply(a);
            return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof String[] arr && arr.length == 0);
        }
    }

    /** {@code field IS NULL}: no value at all. */
    record IsNull(String field, Function<StoredAsset, Object> accessor) implements FilterExpression {
        public boolean test(StoredAsset a) {
            return accessor.apply(a) == null;
        }
    }

    /** {@code field EXISTS}: the asset has the field; every known field exists unless null. */
    record Exists(String field, Function<StoredAsset, Object> accessor) implements FilterExpression {
        public boolean test(StoredAsset a) {
            return accessor.apply(a) != null;
        }
    }

    /** {@code field:term}: every word of the term occurs as a word of the field (any element, for arrays). */
    record TextMatch(String field, Function<StoredAsset, Object> accessor, List<String> words)
            implements FilterExpression {
        public boolean test(StoredAsset a) {
            Object v = accessor.apply(a);
            if (v == null) {
                return false;
            }
            String text = v instanceof String[] arr ? String.join(" ", arr) : String.valueOf(v);
            // cheap substring test first: most assets fail it, and tokenising is what costs
            String lower = text.toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!lower.contains(w)) {
                    return false;
                }
            }
            List<String> have = TextScorer.tokenize(text);
            for (String w : words) {
                if (!have.contains(w)) {
                    return false;
                }
            }
            return true;
        }

        static List<String> wordsOf(String term) {
            List<String> words = TextScorer.tokenize(term);
            return words.isEmpty() ? List.of(term.toLowerCase(Locale.ROOT)) : words;
        }
    }
}
