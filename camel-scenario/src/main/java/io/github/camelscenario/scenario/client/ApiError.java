package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/** What an error answer says: its message, code, trace id and when to come back. */
record ApiError(String message, String code, String traceId, Duration retryAfter) {

    /** Error bodies are read up to this size; a proxy's HTML page must not fill memory or the exception. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_MESSAGE_CHARS = 500;

    static ApiError read(ClassicHttpResponse response, ObjectMapper mapper) {
        String text = body(response);
        JsonNode json = null;
        if (text != null && !text.isBlank()) {
            try {
                json = mapper.readTree(text);
            } catch (IOException e) {
                json = null; // not JSON: the raw text is the message
            }
        }
        String message;
        String code = null;
        String traceId = null;
        Duration remaining = null;
        if (json != null && json.isObject()) {
            message = firstText(json, "reason", "message", "error", "detail");
            code = firstText(json, "code");
            traceId = firstText(json, "traceId");
            JsonNode seconds = json.get("remainingSeconds");
            if (seconds != null && seconds.isNumber()) {
                remaining = Duration.ofMillis((long) Math.ceil(seconds.asDouble() * 1000));
            }
        } else {
            message = text == null || text.isBlank() ? response.getReasonPhrase() : text.strip();
        }
        Duration retryAfter = parseRetryAfter(response.getFirstHeader("Retry-After"));
        return new ApiError(shorten(message), shorten(code), shorten(traceId), retryAfter != null ? retryAfter : remaining);
    }

    /** Retry-After as delta-seconds or as an HTTP date; {@code null} when absent or unreadable. */
    static Duration parseRetryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value,
                        DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String body(ClassicHttpResponse response) {
        if (response.getEntity() == null) {
            return null;
        }
        try (InputStream in = response.getEntity().getContent()) {
            return new String(in.readNBytes(MAX_BODY_BYTES), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstText(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode n = json.get(name);
            if (n != null && !n.isNull()) {
                return n.isValueNode() ? n.asText() : n.toString();
            }
        }
        return null;
    }

    static String shorten(String s) {
        if (s == null || s.length() <= MAX_MESSAGE_CHARS) {
            return s;
        }
        return s.substring(0, MAX_MESSAGE_CHARS) + "... (" + s.length() + " chars)";
    }
}
