package io.github.camelscenario.example.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks an {@code Authorization: Basic} header against the configured API key and secret. */
final class BasicAuth {

    private final byte[] expected;

    BasicAuth(String apiKey, String apiSecret) {
        this.expected = (apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8);
    }

    /** Null when the header is good, else why not (for the 401 message). */
    String problem(String header) {
        if (header == null || header.isBlank()) {
            return "Missing Authorization header: use HTTP Basic auth with your API key and secret";
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "Unsupported Authorization scheme: this server accepts only HTTP Basic auth (API key and secret)";
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return "Malformed Basic credentials (not base64)";
        }
        // constant-time comparison, as a real server would do
        return MessageDigest.isEqual(given, expected) ? null : "Invalid API key or secret";
    }
}
