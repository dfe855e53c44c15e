package io.github.camelscenario.example.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /v1/assets/{id}/download}: a freshly signed URL of the asset's file, {@code {"url": "..."}}. The optional
 * JSON body {@code {"targetFormat": "png" | "jpg"}} picks the format (default: the asset's own); {@code webp}, which the
 * real API also offers, is answered 400 here. Waits the search latency knob, like every API call.
 */
final class DownloadLinks {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final AssetDataset dataset;
    private final BasicAuth auth;
    private final ServerFaults faults;
    private final FileUrls urls;
    private final AtomicLong requests = new AtomicLong();

    DownloadLinks(AssetDataset dataset, BasicAuth auth, ServerFaults faults, FileUrls urls) {
        this.dataset = dataset;
        this.auth = auth;
        this.faults = faults;
        this.urls = urls;
    }

    /** Authenticated download-link requests received, whatever their answer. */
    long requests() {
        return requests.get();
    }

    void handle(HttpExchange exchange, String assetId) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        HttpResponses.delay(faults.latencyMillis());
        String problem = auth.problem(exchange.getRequestHeaders().getFirst("Authorization"));
        if (problem != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"scenario\"");
            HttpResponses.error(exchange, 401, "UNAUTHORIZED", problem);
            return;
        }
        requests.incrementAndGet();
        String format;
        try {
            format = targetFormat(body);
        } catch (BadRequestException e) {
            HttpResponses.error(exchange, e.status(), e.code(), e.getMessage());
            return;
        }
        StoredAsset asset = dataset.get(assetId);
        if (asset == null) {
            HttpResponses.error(exchange, 404, "NOT_FOUND", "Asset " + assetId + " not found");
            return;
        }
        String url = format == null ? urls.url(asset, FileUrls.Kind.IMAGE)
                : urls.url(asset.id, FileUrls.Kind.IMAGE, format);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonGenerator g = HttpResponses.JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("url", url);
            g.writeEndObject();
        }
        HttpResponses.send(exchange, 200, "application/json", buffer.toByteArray());
    }

    /** {@code png} or {@code jpg}, or {@code null} for the asset's own format. */
    private static String targetFormat(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("Request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("Malformed JSON body");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequestException("The body must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            String field = it.next().getKey();
            if (!field.equals("targetFormat")) {
                throw new BadRequestException("Unknown field \"" + field + "\": only targetFormat is accepted");
            }
        }
        JsonNode format = json.get("targetFormat");
        if (format == null || format.isNull()) {
            return null;
        }
        return switch (format.asText()) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpg";
            case "webp" -> throw new BadRequestException("targetFormat webp is not served by the local server: use png or jpg");
            default -> throw new BadRequestException("targetFormat must be png, webp or jpg, not " + format);
        };
    }

}
