package io.github.camelscenario.scenario.client;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A body with no length (neither Content-Length nor chunked) ends where the connection ends, so JSON cut short there
 * may be a dropped connection: retried. With a length, a cut connection is an I/O error and a complete but cut JSON
 * is the server's answer: not retried. A raw socket server, because HTTP servers for tests always frame their bodies.
 */
class HttpScenarioClientTruncationTest {

    private static final String PAGE = "{\"hits\":[{\"id\":\"a\"}],\"page\":1,\"hitsPerPage\":1,\"totalHits\":1}";

    private ServerSocket server;
    private Thread serving;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Answers each connection with the next of {@code answers} (raw HTTP), then closes it. */
    private AtomicInteger serve(List<String> answers) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        AtomicInteger served = new AtomicInteger();
        serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    readRequest(s.getInputStream());
                    int n = served.getAndIncrement();
                    OutputStream out = s.getOutputStream();
                    out.write(answers.get(Math.min(n, answers.size() - 1)).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-http");
        serving.setDaemon(true);
        serving.start();
        return served;
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

    private HttpScenarioClient client() {
        return HttpScenarioClient.builder().baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/v1")
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))).build();
    }

    @Test
    @Timeout(20)
    void unframedBodyCutShortIsRetried() throws Exception {
        AtomicInteger served = serve(List.of(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"hits\":[{\"id\":",
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + PAGE));
        try (HttpScenarioClient client = client()) {
            SearchPage page = client.search(new SearchRequest());
            assertThat(page.getHits()).hasSize(1);
        }
        assertThat(served).hasValue(2);
    }

    @Test
    @Timeout(20)
    void framedBodyThatIsCutJsonFailsAtOnce() throws Exception {
        String cut = "{\"hits\":[{\"id\":";
        AtomicInteger served = serve(List.of("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                             + cut.length() + "\r\nConnection: close\r\n\r\n" + cut));
        try (HttpScenarioClient client = client()) {
            assertThatThrownBy(() -> client.search(new SearchRequest())).isInstanceOf(ScenarioApiException.class)
                    .hasMessageContaining("HTTP 200").hasMessageContaining("ends before it is complete");
        }
        assertThat(served).hasValue(1);
    }
}
