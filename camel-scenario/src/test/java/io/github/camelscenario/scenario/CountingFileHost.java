package io.github.camelscenario.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelscenario.scenario.client.Asset;

/**
 * A file host that counts the requests it is answering at once: {@code /f/<id>} answers {@code size} bytes derived
 * from the id after the delay set for it (default none); ids starting with {@code missing} are 404.
 */
final class CountingFileHost implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int size;
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long defaultDelay;

    CountingFileHost(int size) throws IOException {
        this.size = size;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/f/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    CountingFileHost delay(long millis) {
        this.defaultDelay = millis;
        return this;
    }

    CountingFileHost delay(String id, long millis) {
        delays.put(id, millis);
        return this;
    }

    Asset hit(String id) {
        Asset a = new Asset();
        a.setId(id);
        a.setMimeType("image/png");
        a.setUrl("http://localhost:" + server.getAddress().getPort() + "/f/" + id + "?signature=s");
        return a;
    }

    /** The body served for {@code id}. */
    byte[] body(String id) {
        byte[] seed = id.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = seed[i % seed.length];
        }
        return body;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int requests() {
        return requests.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                String id = exchange.getRequestURI().getPath().substring("/f/".length());
                Thread.sleep(delays.getOrDefault(id, defaultDelay));
                if (id.startsWith("missing")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = body(id);
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
