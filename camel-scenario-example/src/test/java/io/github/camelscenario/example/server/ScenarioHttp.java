package io.github.camelscenario.example.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny client for the tests: posts search bodies to a local server with the JDK's HttpClient. */
final class ScenarioHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body already parsed (null when the body is not JSON). */
    record Reply(int status, JsonNode json, HttpResponse<byte[]> raw) {
        String message() {
            return json.path("message").asText();
        }

        String code() {
            return json.path("code").asText();
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            json.path("hits").forEach(h -> ids.add(h.path("id").asText()));
            return ids;
        }

        long totalHits() {
            return json.path("totalHits").asLong();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalScenarioServer server;

    ScenarioHttp(LocalScenarioServer server) {
        this.server = server;
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    Reply search(String body) {
        return search(body, "", basic(server.getApiKey(), server.getApiSecret()));
    }

    Reply search(String body, String queryString) {
        return search(body, queryString, basic(server.getApiKey(), server.getApiSecret()));
    }

    /** @param authorization the Authorization header, or null to send none */
    Reply search(String body, String queryString, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getBaseUrl() + "/search/assets" + queryString))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    Reply getWithAuth(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(server.getApiKey(), server.getApiSecret())).GET().build());
    }

    /** {@code POST /v1/assets/{id}/download} with the server's credentials, or {@code authorization} when not null. */
    Reply downloadLink(String assetId, String body, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(server.getBaseUrl() + "/assets/" + assetId + "/download"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization != null ? authorization
                        : basic(server.getApiKey(), server.getApiSecret()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
