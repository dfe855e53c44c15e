package io.github.camelscenario.example.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /v1/assets/{id}} answering {@code {"asset": {...}}}, and {@code POST /v1/assets/{id}/download} answering a
 * fresh download link ({@link DownloadLinks}); both with auth. The files themselves are on the file host
 * ({@link FileHandler}).
 */
final class AssetHandler implements HttpHandler {

    private final AssetDataset dataset;
    private final BasicAuth auth;
    private final HitWriter writer;
    private final DownloadLinks downloadLinks;

    AssetHandler(AssetDataset dataset, BasicAuth auth, HitWriter writer, DownloadLinks downloadLinks) {
        this.dataset = dataset;
        this.auth = auth;
        this.writer = writer;
        this.downloadLinks = downloadLinks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // /v1/assets/{id}[/download]
            String[] parts = exchange.getRequestURI().getPath().split("/");
            boolean download = parts.length == 5 && parts[4].equals("download");
            if (parts.length != 4 && !download) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "No such resource: " + exchange.getRequestURI().getPath());
                return;
            }
            String method = download ? "POST" : "GET";
            if (!method.equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", method);
                HttpResponses.error(exchange, 405, "METHOD_NOT_ALLOWED", "Use " + method + " on this resource");
                return;
            }
            if (download) {
                downloadLinks.handle(exchange, parts[3]);
                return;
            }
            String problem = auth.problem(exchange.getRequestHeaders().getFirst("Authorization"));
            if (problem != null) {
                HttpResponses.error(exchange, 401, "UNAUTHORIZED", problem);
                return;
            }
            StoredAsset asset = dataset.get(parts[3]);
            if (asset == null) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "Asset " + parts[3] + " not found");
                return;
            }
            json(exchange, asset);
        }
    }

    private void json(HttpExchange exchange, StoredAsset asset) throws IOException {
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
