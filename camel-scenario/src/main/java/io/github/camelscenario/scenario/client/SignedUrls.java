package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Signed file URLs in text that people read. The query string of an asset's {@code url} is a credential (its
 * signature), so logs and exception messages show only where a URL points: host, port and path.
 */
final class SignedUrls {

    /** A URL's query (and fragment) inside free text, such as an HttpClient exception's message. */
    private static final Pattern QUERY_IN_TEXT = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#'\"<>]*)[?#][^\\s'\"<>]*");

    private SignedUrls() {
    }

    /** {@code host[:port]/path}: where the URL points, without its scheme, user info, query or fragment. */
    static String describe(URI uri) {
        if (uri == null) {
            return "(no URL)";
        }
        String host = uri.getHost() == null ? "(no host)" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return host + port + path;
    }

    /** The text with the query and fragment of every URL in it cut off. */
    static String redact(String text) {
        return text == null ? null : QUERY_IN_TEXT.matcher(text).replaceAll("$1?(query hidden)");
    }

    /**
     * A copy of an I/O failure that can be shown: the same class name and stack trace, the message redacted, and no
     * cause (a cause's own message may hold the URL). The type is kept as a name only: callers tell cancellations apart
     * before they call this.
     */
    static IOException shareable(IOException e) {
        String message = redact(e.getMessage());
        IOException copy = new IOException(e.getClass().getName() + (message == null ? "" : ": " + message));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
