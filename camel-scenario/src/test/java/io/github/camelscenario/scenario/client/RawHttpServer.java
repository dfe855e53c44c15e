package io.github.camelscenario.scenario.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket HTTP server for faults that HTTP servers for tests never make: a body without any framing, a body cut
 * off by a TCP reset. Answers the n-th connection with the n-th of its answers (the last one over and over), then
 * closes the connection, or resets it (SO_LINGER 0) when that answer says so.
 */
final class RawHttpServer implements Closeable {

    /** What to write back on one connection, and whether to end it with a reset instead of a close. */
    record Answer(String raw, boolean reset) {
        static Answer closing(String raw) {
            return new Answer(raw, false);
        }

        static Answer resetting(String raw) {
            return new Answer(raw, true);
        }
    }

    private final ServerSocket server;
    private final AtomicInteger served = new AtomicInteger();

    RawHttpServer(List<Answer> answers) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    readRequest(s.getInputStream());
                    Answer answer = answers.get(Math.min(served.getAndIncrement(), answers.size() - 1));
                    OutputStream out = s.getOutputStream();
                    out.write(answer.raw().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (answer.reset()) {
                        // close() now sends RST instead of FIN: the client's next read fails with "Connection reset"
                        s.setSoLinger(true, 0);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-http");
        serving.setDaemon(true);
        serving.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** A client of this server that retries twice, quickly. */
    HttpScenarioClient.Builder client() {
        return HttpScenarioClient.builder().baseUrl(baseUrl())
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
    }

    /** Connections answered so far: one per attempt of the client. */
    int served() {
        return served.get();
    }

    private static void readRequest(InputStream in) throws IOException {
        // headers up to the blank line, then the Content-Length body
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            head.append((char) c);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
