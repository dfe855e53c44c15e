package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.List;

import io.github.camelscenario.scenario.client.RawHttpServer.Answer;
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

    private RawHttpServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpScenarioClient client() {
        return server.client().build();
    }

    @Test
    @Timeout(20)
    void unframedBodyCutShortIsRetried() throws Exception {
        server = new RawHttpServer(List.of(
                Answer.closing("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                               + "{\"hits\":[{\"id\":"),
                Answer.closing("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + PAGE)));
        try (HttpScenarioClient client = client()) {
            SearchPage page = client.search(new SearchRequest());
            assertThat(page.getHits()).hasSize(1);
        }
        assertThat(server.served()).isEqualTo(2);
    }

    @Test
    @Timeout(20)
    void framedBodyThatIsCutJsonFailsAtOnce() throws Exception {
        String cut = "{\"hits\":[{\"id\":";
        server = new RawHttpServer(List.of(Answer.closing("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                          + "Content-Length: " + cut.length()
                                                          + "\r\nConnection: close\r\n\r\n" + cut)));
        try (HttpScenarioClient client = client()) {
            assertThatThrownBy(() -> client.search(new SearchRequest())).isInstanceOf(ScenarioApiException.class)
                    .hasMessageContaining("HTTP 200").hasMessageContaining("ends before it is complete");
        }
        assertThat(server.served()).isEqualTo(1);
    }
}
