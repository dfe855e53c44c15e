package io.github.camelscenario.example.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter into tokens: words (field names, keywords, unquoted values), quoted values, operators and
 * punctuation. Positions are 1-based character positions, as shown in error messages.
 */
final class FilterTokenizer {

    enum Type {
        WORD, QUOTED, OPERATOR, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, COLON, END
    }

    record Token(Type type, String text, int position) {
        /** An unquoted word equal to {@code keyword}, ignoring case ({@code and} works like {@code AND}). */
        boolean isKeyword(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private static final String SPECIAL = "()[],:=!<>\"'";

    private FilterTokenizer() {
    }

    static List<Token> tokenize(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Type.LPAREN, "(", pos));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Type.RPAREN, ")", pos));
                i++;
            } else if (c == '[') {
                tokens.add(new Token(Type.LBRACKET, "[", pos));
                i++;
            } else if (c == ']') {
                tokens.add(new Token(Type.RBRACKET, "]", pos));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Type.COMMA, ",", pos));
                i++;
            } else if (c == ':') {
                tokens.add(new Token(Type.COLON, ":", pos));
                i++;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                boolean twoChars = i + 1 < n && filter.charAt(i + 1) == '=' && c != '=';
                String op = filter.substring(i, i + (twoChars ? 2 : 1));
                if (op.equals("!")) {
                    throw new FilterSyntaxException("Invalid filter syntax at position " + pos
                                                    + " near '!': expected '!=' (use NOT to negate a condition)", pos);
                }
                tokens.add(new Token(Type.OPERATOR, op, pos));
                i += op.length();
            } else if (c == '"' || c == '\'') {
                i = quoted(filter, i, tokens);
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(filter.charAt(i)) && SPECIAL.indexOf(filter.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Type.WORD, filter.substring(start, i), pos));
            }
        }
        tokens.add(new Token(Type.END, "", n + 1));
        return tokens;
    }

    /** Reads a quoted value starting at {@code start}; a backslash escapes the next character. */
    private static int quoted(String filter, int start, List<Token> tokens) {
        char quote = filter.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '\\' && i + 1 < filter.length()) {
                value.append(filter.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Type.QUOTED, value.toString(), start + 1));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new FilterSyntaxException("Invalid filter syntax at position " + (start + 1) + " near '"
                                        + filter.substring(start, Math.min(filter.length(), start + 20))
                                        + "': unterminated quoted value (missing closing " + quote + ")",
                start + 1);
    }
}
