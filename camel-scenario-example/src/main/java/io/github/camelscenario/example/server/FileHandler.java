package io.github.camelscenario.example.server;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The file host: {@code GET /files/{assetId}/image.(png|jpg)} and {@code .../thumbnail.png} at signed URLs, without
 * API credentials. Order of checks: method, an {@code Authorization} header (400, as S3 answers a presigned URL that
 * also carries one), added latency, the 503 draw, signature and expiry time (403), unknown or deleted asset and the
 * 404 knob, the download count (403 or 410 once used up), then the file, cut in half when the cut knob says so.
 */
final class FileHandler implements HttpHandler {

    private final AssetDataset dataset;
    private final FileUrls urls;
    private final FileFaults faults;
    private final long imageSize;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withCredentials = new AtomicLong();
    private final AtomicLong served = new AtomicLong();

    /** @param imageSize the size asset files are padded to; 0 leaves them as small as they are */
    FileHandler(AssetDataset dataset, FileUrls urls, FileFaults faults, long imageSize) {
        this.dataset = dataset;
        this.urls = urls;
        this.faults = faults;
        this.imageSize = imageSize;
    }

    long requests() {
        return requests.get();
    }

    long requestsWithCredentials() {
        return withCredentials.get();
    }

    long served() {
        return served.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                HttpResponses.error(exchange, 405, "METHOD_NOT_ALLOWED", "Use GET on files");
                return;
            }
            long number = requests.incrementAndGet();
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                withCredentials.incrementAndGet();
                HttpResponses.error(exchange, 400, "INVALID_ARGUMENT",
                        "Only one auth mechanism allowed: the URL is signed, so no Authorization header may be sent");
                return;
            }
            HttpResponses.delay(faults.latencyMillis());
            if (faults.isServerError(number)) {
                HttpResponses.error(exchange, 503, "SERVICE_UNAVAILABLE", "File host unavailable (injected fault)");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = HttpResponses.queryParameters(exchange);
            FileUrls.Refusal refusal = urls.check(path, query);
            if (refusal != null) {
                HttpResponses.error(exchange, refusal.status(), refusal.code(), refusal.message());
                return;
            }
            // /files/{assetId}/{image|thumbnail}.{png|jpg}
            String[] parts = path.split("/");
            StoredAsset asset = parts.length == 4 ? dataset.get(parts[2]) : null;
            String file = parts.length == 4 ? parts[3] : "";
            boolean thumbnail = file.startsWith("thumbnail.");
            if (asset == null || faults.isNotFound(asset.id) || !file.matches("(image|thumbnail)\\.(png|jpg)")) {
                HttpResponses.error(exchange, 404, "NOT_FOUND", "No such file");
                return;
            }
            refusal = urls.countDownload(query);
            if (refusal != null) {
                HttpResponses.error(exchange, refusal.status(), refusal.code(), refusal.message());
                return;
            }
            boolean png = file.endsWith(".png");
            int side = thumbnail ? ImageRenderer.THUMBNAIL_SIZE : ImageRenderer.IMAGE_SIZE;
            byte[] encoded = png ? ImageRenderer.png(asset.grid, side) : ImageRenderer.jpeg(asset.grid, side);
            send(exchange, new PaddedPicture(encoded, png, thumbnail ? 0 : imageSize), png, faults.isCut(number));
        }
    }

    private void send(HttpExchange exchange, PaddedPicture picture, boolean png, boolean cut) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", png ? "image/png" : "image/jpeg");
        exchange.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
        long length = picture.length();
        exchange.sendResponseHeaders(200, length);
        served.incrementAndGet();
        OutputStream body = exchange.getResponseBody();
        try {
            picture.writeTo(cut ? new CutAfter(body, length / 2) : body);
            body.close();
        } catch (CutAfter.Cut e) {
            // closing the exchange with bytes missing makes the JDK server drop the connection: the client sees a
            // body that ends before its Content-Length
        }
    }


    /** Passes on the first {@code limit} bytes, then stops the writer. */
    private static final class CutAfter extends FilterOutputStream {

        static final class Cut extends IOException {
            private static final long serialVersionUID = 1L;

            Cut() {
                super("cut on purpose");
            }
        }

        private long left;

        CutAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n);
            left -= n;
            if (n < len) {
                out.flush();
                throw new Cut();
            }
        }
    }
}
