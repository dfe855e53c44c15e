package io.github.camelscenario.example.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;

/** Small helpers for answering an {@link HttpExchange}: JSON bodies, JSON errors, query parameters. */
final class HttpResponses {

    static final JsonFactory JSON = new JsonFactory();

    private HttpResponses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code {"message": ..., "code": ...}} plus any extra string or number fields. */
    static void error(HttpExchange exchange, int status, String code, String message, Map<String, Object> extra)
            throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("message", message);
            g.writeStringField("code", code);
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (e.getValue() instanceof Number n) {
                    g.writeNumberField(e.getKey(), n.longValue());
                } else {
                    g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            g.writeEndObject();
        }
        send(exchange, status, "application/json", buffer.toByteArray());
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        error(exchange, status, code, message, Map.of());
    }

    /** Waits {@code millis} (the latency knobs) on the request's own thread; an interrupt ends the wait early. */
    static void delay(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL's query parameters, decoded; the first value wins when a name repeats. */
    static Map<String, String> queryParameters(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
