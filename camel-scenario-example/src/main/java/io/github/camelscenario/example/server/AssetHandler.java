package io.github.camelscenario.example.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /v1/assets/{id}/image.png} and {@code .../thumbnail.png} (no auth: they stand for the real API's signed
 * URLs), and {@code GET /v1/assets/{id}} answering {@code {"asset": {...}}} (with auth).
 */
final class AssetHandler implements HttpHandler {

    private final AssetDataset dataset;
    private final BasicAuth auth;
    private final HitWriter writer;

    AssetHandler(AssetDataset dataset, BasicAuth auth, HitWriter writer) {
        this.dataset = dataset;
        this.auth = auth;
        this.writer = writer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                HttpResponses.error(exchange, 405, "METHOD_NOT_ALLOWED", "Use GET on assets");
                return;
            }
            // /v1/assets/{id}[/image.png|/thumbnail.png]
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length < 4 || parts.length > 5) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "No such resource: " + exchange.getRequestURI().getPath());
                return;
            }
            StoredAsset asset = dataset.get(parts[3]);
            if (asset == null) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "Asset " + parts[3] + " not found");
                return;
            }
            if (parts.length == 4) {
                json(exchange, asset);
            } else if (parts[4].equals("image.png")) {
                png(exchange, ImageRenderer.png(asset.grid, ImageRenderer.IMAGE_SIZE));
            } else if (parts[4].equals("thumbnail.png")) {
                png(exchange, ImageRenderer.png(asset.grid, ImageRenderer.THUMBNAIL_SIZE));
            } else {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "No such resource: " + exchange.getRequestURI().getPath());
            }
        }
    }

    private static void png(HttpExchange exchange, byte[] png) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
        HttpResponses.send(exchange, 200, "image/png", png);
    }

    private void json(HttpExchange exchange, StoredAsset asset) throws IOException {
        String problem = auth.problem(exchange.getRequestHeaders().getFirst("Authorization"));
        if (problem != null) {
            HttpResponses.error(exchange, 401, "UNAUTHORIZED", problem);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = HttpResponses.JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName("asset");
            writer.writeAsset(g, asset);
            g.writeEndObject();
        }
        HttpResponses.send(exchange, 200, "application/json", buffer.toByteArray());
    }
}
