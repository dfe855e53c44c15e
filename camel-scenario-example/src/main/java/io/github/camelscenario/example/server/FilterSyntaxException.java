package io.github.camelscenario.example.server;

/** A filter that does not parse; the message points at the offending token (1-based position). */
final class FilterSyntaxException extends BadRequestException {

    private final int position;

    FilterSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    static FilterSyntaxException near(FilterTokenizer.Token token, String expected) {
        String near = token.type() == FilterTokenizer.Type.END ? "end of filter" : "'" + token.text() + "'";
        return new FilterSyntaxException(
                "Invalid filter syntax at position " + token.position() + " near " + near + ": " + expected,
                token.position());
    }

    int position() {
        return position;
    }
}
