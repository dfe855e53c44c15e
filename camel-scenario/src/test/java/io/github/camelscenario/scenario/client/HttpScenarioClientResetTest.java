package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelscenario.scenario.client.RawHttpServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 200 headers, half the body, then a TCP reset (or a plain close before the announced end): a failure of the
 * connection, whatever the parser wraps it in, so it is retried like any I/O error, for each way a body can be framed.
 * Counted by the server's connections and by the client's listener (every attempt was answered 200 before its body
 * broke).
 */
@Timeout(20)
class HttpScenarioClientResetTest {

    /** A page large enough that half of it stops inside the hits, where the parser wraps what the socket threw. */
    private static final String PAGE = "{\"hits\":["
                                       + IntStream.range(0, 50)
                                               .mapToObj(i -> "{\"id\":\"asset_" + i + "\",\"kind\":\"image\"}")
                                               .collect(Collectors.joining(","))
                                       + "],\"page\":1,\"hitsPerPage\":50,\"totalHits\":50}";

    enum Framing {
        CONTENT_LENGTH {
            @Override
            String answer(String body, int sent) {
                return head("Content-Length: " + body.length()) + body.substring(0, sent);
            }
        },
        CHUNKED {
            @Override
            String answer(String body, int sent) {
                // one chunk announced whole, half of it sent
                return head("Transfer-Encoding: chunked") + Integer.toHexString(body.length()) + "\r\n"
                       + body.substring(0, sent);
            }
        },
        NO_LENGTH {
            @Override
            String answer(String body, int sent) {
                return head("Connection: close") + body.substring(0, sent);
            }
        };

        abstract String answer(String body, int sent);

        String whole(String body) {
            return this == CHUNKED ? head("Transfer-Encoding: chunked") + Integer.toHexString(body.length()) + "\r\n"
                                     + body + "\r\n0\r\n\r\n"
                    : answer(body, body.length());
        }

        static String head(String framing) {
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
        }
    }

    private final List<String> events = new CopyOnWriteArrayList<>();
    private RawHttpServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private HttpScenarioClient client() {
        return server.client().listener(new SearchAttemptListener() {
            @Override
            public void answered(int status) {
                events.add("answered " + status);
            }

            @Override
            public void retrying(String reason) {
                events.add("retrying: " + reason);
            }
        }).build();
    }

    private static Answer reset(Framing framing) {
        assertThat(PAGE.getBytes(StandardCharsets.UTF_8)).hasSize(PAGE.length());
        return Answer.resetting(framing.answer(PAGE, PAGE.length() / 2));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aResetMidBodyIsRetriedAndTheNextWholeAnswerIsTheResult(Framing framing) throws Exception {
        server = new RawHttpServer(List.of(reset(framing), reset(framing), Answer.closing(framing.whole(PAGE))));
        try (HttpScenarioClient client = client()) {
            SearchPage page = client.search(new SearchRequest());
            assertThat(page.getHits()).hasSize(50);
        }
        assertThat(server.served()).isEqualTo(3);
        assertThat(events).hasSize(5);
        assertThat(events.stream().filter(e -> e.startsWith("answered 200"))).hasSize(3);
        assertThat(events.stream().filter(e -> e.startsWith("retrying"))).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).startsWith("retrying: I/O error")
                        .doesNotContain("not a search page"));
    }

    /** A clean close inside the hits: the body is shorter than its length or chunk said, the parser wraps that too. */
    @ParameterizedTest
    @EnumSource(value = Framing.class, names = { "CONTENT_LENGTH", "CHUNKED" })
    void aCloseBeforeTheAnnouncedEndInsideTheHitsIsRetried(Framing framing) throws Exception {
        server = new RawHttpServer(List.of(Answer.closing(framing.answer(PAGE, PAGE.length() / 2)),
                Answer.closing(framing.whole(PAGE))));
        try (HttpScenarioClient client = client()) {
            assertThat(client.search(new SearchRequest()).getHits()).hasSize(50);
        }
        assertThat(server.served()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.startsWith("retrying")).singleElement().asString()
                .contains("the connection failed while the HTTP 200 answer's body was read");
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void resetsThatOutlastTheRetriesEndAsAnIoErrorNamingTheAttempts(Framing framing) throws Exception {
        server = new RawHttpServer(List.of(reset(framing)));
        try (HttpScenarioClient client = client()) {
            assertThatThrownBy(() -> client.search(new SearchRequest()))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessageContaining("failed after 3 attempt(s)")
                    .hasMessageContaining("the connection failed while the HTTP 200 answer's body was read")
                    .hasMessageNotContaining("not a search page");
        }
        assertThat(server.served()).isEqualTo(3);
        assertThat(events).containsExactly("answered 200", events.get(1), "answered 200", events.get(3), "answered 200");
    }
}
