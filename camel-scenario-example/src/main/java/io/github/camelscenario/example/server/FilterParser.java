package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.camelscenario.example.server.FilterExpression.Literal;
import io.github.camelscenario.example.server.FilterTokenizer.Token;
import io.github.camelscenario.example.server.FilterTokenizer.Type;

/**
 * Recursive-descent parser for Scenario's (Meilisearch-like) filter language:
 *
 * <pre>
 * filter     := or END
 * or         := and ( "OR" and )*
 * and        := not ( "AND" not )*
 * not        := "NOT" not | primary
 * primary    := "(" or ")" | condition
 * condition  := field ( op value | ":" value | "IS" ["NOT"] ("EMPTY" | "NULL") | ["NOT"] "IN" list
 *                     | ["NOT"] "EXISTS" )
 * op         := "=" | "!=" | ">" | ">=" | "<" | "<="
 * list       := "[" value ( "," value )* "]"
 * value      := word | quoted
 * </pre>
 *
 * Keywords ignore case. NOT binds tighter than AND, AND tighter than OR.
 */
final class FilterParser {

    private final List<Token> tokens;
    private int next;

    private FilterParser(String filter) {
        this.tokens = FilterTokenizer.tokenize(filter);
    }

    /** @throws BadRequestException on a syntax error or an unknown field, naming the offending token */
    static FilterExpression parse(String filter) {
        FilterParser p = new FilterParser(filter);
        if (p.peek().type() == Type.END) {
            throw FilterSyntaxException.near(p.peek(), "expected a condition such as tags = cat");
        }
        FilterExpression e = p.or();
        if (p.peek().type() != Type.END) {
            throw FilterSyntaxException.near(p.peek(), "expected AND, OR or end of filter");
        }
        return e;
    }

    private FilterExpression or() {
        FilterExpression left = and();
        while (peek().isKeyword("OR")) {
            next++;
            left = new FilterExpression.Or(left, and());
        }
        return left;
    }

    private FilterExpression and() {
        FilterExpression left = not();
        while (peek().isKeyword("AND")) {
            next++;
            left = new FilterExpression.And(left, not());
        }
        return left;
    }

    private FilterExpression not() {
        if (peek().isKeyword("NOT")) {
            next++;
            return new FilterExpression.Not(not());
        }
        return primary();
    }

    private FilterExpression primary() {
        if (peek().type() == Type.LPAREN) {
            next++;
            FilterExpression inner = or();
            if (peek().type() != Type.RPAREN) {
                throw FilterSyntaxException.near(peek(), "expected AND, OR or ')'");
            }
            next++;
            return inner;
        }
        return condition();
    }

    private FilterExpression condition() {
        Token fieldToken = peek();
        if (fieldToken.type() != Type.WORD || isReserved(fieldToken)) {
            throw FilterSyntaxException.near(fieldToken, "expected a field name, NOT or '('");
        }
        next++;
        String field = fieldToken.text();
        Function<StoredAsset, Object> accessor = FilterFields.accessor(field);
        if (accessor == null) {
            throw new FilterSyntaxException("\"" + field + "\" is not a filterable field (at position "
                                            + fieldToken.position() + "); filterable fields: "
                                            + String.join(", ", FilterFields.names()),
                    fieldToken.position());
        }
        Token t = peek();
        if (t.type() == Type.OPERATOR) {
            next++;
            return compare(field, accessor, t.text());
        }
        if (t.type() == Type.COLON) {
            next++;
            return new FilterExpression.TextMatch(field, accessor, FilterExpression.TextMatch.wordsOf(value()));
        }
        if (t.isKeyword("IS")) {
            next++;
            boolean negated = false;
            if (peek().isKeyword("NOT")) {
                next++;
                negated = true;
            }
            FilterExpression e;
            if (peek().isKeyword("EMPTY")) {
                e = new FilterExpression.Empty(field, accessor);
            } else if (peek().isKeyword("NULL")) {
                e = new FilterExpression.IsNull(field, accessor);
            } else {
                throw FilterSyntaxException.near(peek(), "expected EMPTY or NULL after IS" + (negated ? " NOT" : ""));
            }
            next++;
            return negated ? new FilterExpression.Not(e) : e;
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            next++;
            negated = true;
        }
        FilterExpression e;
        if (peek().isKeyword("IN")) {
            next++;
            e = in(field, accessor);
        } else if (peek().isKeyword("EXISTS")) {
            next++;
            e = new FilterExpression.Exists(field, accessor);
        } else {
            throw FilterSyntaxException.near(peek(), negated
                    ? "expected IN or EXISTS after NOT"
                    : "expected an operator (=, !=, >, >=, <, <=, :, IS EMPTY, IS NOT EMPTY, IN, EXISTS) after field '"
                      + field + "'");
        }
        return negated ? new FilterExpression.Not(e) : e;
    }

    private FilterExpression in(String field, Function<StoredAsset, Object> accessor) {
        if (peek().type() != Type.LBRACKET) {
            throw FilterSyntaxException.near(peek(), "expected '[' after IN");
        }
        next++;
        List<FilterExpression> values = new ArrayList<>();
        if (peek().type() != Type.RBRACKET) {
            values.add(compare(field, accessor, "="));
            while (peek().type() == Type.COMMA) {
                next++;
                values.add(compare(field, accessor, "="));
            }
        }
        if (peek().type() != Type.RBRACKET) {
            throw FilterSyntaxException.near(peek(), "expected ',' or ']' in the IN list");
        }
        next++;
        return new FilterExpression.In(field, values);
    }

    /** {@code field op value}: timestamps ({@code createdAt}, {@code updatedAt}) as instants, the rest as it reads. */
    private FilterExpression compare(String field, Function<StoredAsset, Object> accessor, String op) {
        Token at = peek();
        String value = value();
        if (!FilterFields.isTimestamp(field)) {
            return new FilterExpression.Compare(field, accessor, op, Literal.of(value));
        }
        Long millis = Timestamps.parse(value);
        if (millis == null) {
            throw new FilterSyntaxException("Invalid filter syntax at position " + at.position() + ": " + field
                                            + " compares timestamps such as \"2024-01-01\" or \"2024-01-01T12:00:00Z\", "
                                            + "not '" + value + "'", at.position());
        }
        return new FilterExpression.TimeCompare(field, accessor, op, millis);
    }

    private String value() {
        Token t = peek();
        if (t.type() == Type.QUOTED || (t.type() == Type.WORD && !t.isKeyword("AND") && !t.isKeyword("OR"))) {
            next++;
            return t.text();
        }
        throw FilterSyntaxException.near(t, "expected a value (quote values containing spaces or ':', e.g. \"16:9\")");
    }

    private static boolean isReserved(Token t) {
        return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("IS") || t.isKeyword("IN");
    }

    private Token peek() {
        return tokens.get(next);
    }
}
