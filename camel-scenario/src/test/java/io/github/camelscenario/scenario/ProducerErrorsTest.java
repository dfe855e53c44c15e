package io.github.camelscenario.scenario;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelscenario.scenario.client.ScenarioApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static org.assertj.core.api.Assertions.assertThat;

/** Error statuses become a clear exception; transient ones are retried, honouring the server's hints. */
class ProducerErrorsTest extends WireMockTestSupport {

    private Exception searchFailure(String uri) {
        Exchange out = template.send(uri, e -> {
        });
        assertThat(out.getException()).isNotNull();
        return out.getException();
    }

    /** The first {@code failures} answers are {@code failing}, then a page. */
    private void failThenSucceed(int failures, ResponseDefinitionBuilder failing) {
        CrawlPages.failThenAnswer(wireMock, "flaky", WireMockTestSupport::search, failures, failing,
                okJson(CrawlPages.pageClaiming(1, 20, 1, 1, "ok1")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 400, 401, 403, 404, 422 })
    void clientErrorsAreNeverRetried(int status) {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Invalid filter syntax\",\"code\":\"BAD\",\"traceId\":\"tr-9\"}")));
        Exception e = searchFailure("scenario:search?query=cat&maxRetries=3");
        assertThat(e).isInstanceOf(ScenarioApiException.class)
                .hasMessage("Scenario search failed with HTTP " + status + ": Invalid filter syntax (code BAD) "
                            + "[traceId tr-9]; not retried: HTTP " + status + " is not transient");
        ScenarioApiException api = (ScenarioApiException) e;
        assertThat(api.getStatusCode()).isEqualTo(status);
        assertThat(api.getApiMessage()).isEqualTo("Invalid filter syntax");
        assertThat(api.getErrorCode()).isEqualTo("BAD");
        assertThat(api.getTraceId()).isEqualTo("tr-9");
        assertThat(api.wasRetried()).isFalse();
        assertThat(searchRequests()).hasSize(1);
    }

    @Test
    void messageIsReadFromReasonMessageErrorOrDetail() {
        for (String field : List.of("reason", "message", "error", "detail")) {
            wireMock.resetAll();
            wireMock.stubFor(search().willReturn(aResponse().withStatus(400).withBody("{\"" + field + "\":\"from " + field
                                                                                     + "\"}")));
            assertThat(((ScenarioApiException) searchFailure("scenario:search?query=cat")).getApiMessage())
                    .isEqualTo("from " + field);
        }
    }

    @Test
    void quotaErrorCarriesItsCode() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"Quota exceeded for search\",\"code\":\"QUOTA_EXCEEDED\"}")));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat");
        assertThat(e.getErrorCode()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(e.getMessage()).contains("Quota exceeded for search");
    }

    @Test
    void hugeNonJsonErrorBodyIsTruncated() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(400).withBody("<html>" + "x".repeat(100_000))));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat");
        assertThat(e.getApiMessage()).startsWith("<html>xxx").hasSizeLessThan(600).contains("chars)");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 429, 500, 502, 503, 504 })
    void transientStatusesAreRetriedThenSucceed(int status) {
        failThenSucceed(2, aResponse().withStatus(status));
        List<?> hits = template.requestBody("scenario:search?query=cat&maxRetries=2", null, List.class);
        assertThat(hits).hasSize(1);
        assertThat(searchRequests()).hasSize(3);
    }

    @Test
    void retriesExhaustedSaysSo() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(503).withBody("{\"message\":\"overloaded\"}")));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat&maxRetries=2");
        assertThat(e.getMessage()).isEqualTo("Scenario search failed with HTTP 503: overloaded; gave up after 3 attempts");
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(e.wasRetried()).isTrue();
        assertThat(searchRequests()).hasSize(3);
    }

    @Test
    void maxRetriesZeroSendsOnce() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(503)));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat&maxRetries=0");
        assertThat(e.getMessage()).endsWith("not retried (maxRetries=0)");
        assertThat(searchRequests()).hasSize(1);
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "1"));
        long start = System.nanoTime();
        template.requestBody("scenario:search?query=cat&retryInitialDelay=1", null, List.class);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(2));
        failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds));
        long start = System.nanoTime();
        template.requestBody("scenario:search?query=cat&retryInitialDelay=1", null, List.class);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        // an HTTP date has one-second resolution: at least a second is left of the two asked for
        assertThat(waitedMs).isGreaterThanOrEqualTo(900);
    }

    @Test
    void remainingSecondsBodyFieldIsHonoured() {
        failThenSucceed(1, aResponse().withStatus(429).withBody("{\"message\":\"slow down\",\"remainingSeconds\":1}"));
        long start = System.nanoTime();
        template.requestBody("scenario:search?query=cat&retryInitialDelay=1", null, List.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(950);
    }

    @Test
    void hugeRetryAfterIsCappedByRetryMaxDelay() {
        failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        long start = System.nanoTime();
        template.requestBody("scenario:search?query=cat&retryInitialDelay=10&retryMaxDelay=200", null, List.class);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).isBetween(190L, 5_000L);
    }

    @Test
    void ioFailuresAreRetried() {
        failThenSucceed(2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(template.requestBody("scenario:search?query=cat&maxRetries=2", null, List.class)).hasSize(1);
        assertThat(searchRequests()).hasSize(3);
    }

    @Test
    void ioFailuresExhaustedRaiseIoException() {
        wireMock.stubFor(search().willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        Exception e = searchFailure("scenario:search?query=cat&maxRetries=1");
        assertThat(e).isInstanceOf(java.io.IOException.class).hasMessageContaining("failed after 2 attempt(s)");
        assertThat(searchRequests()).hasSize(2);
    }

    @Test
    void redirectsAreNotFollowedSoCredentialsStayWithBaseUrl() {
        wireMock.stubFor(search().willReturn(temporaryRedirect("http://127.0.0.1:" + wireMock.port() + "/elsewhere")));
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{}")));
        Exception e = searchFailure("scenario:search?query=cat");
        assertThat(e).isInstanceOf(ScenarioApiException.class);
        assertThat(((ScenarioApiException) e).getStatusCode()).isEqualTo(302);
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    void redirectSaysItWasRefusedAndNamesTheLocationHostOnly() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://mirror.example.net:8443/v1/search/assets?token=abc123")));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat&maxRetries=3");
        assertThat(e.getMessage()).contains("HTTP 301").contains("redirect").contains("refused")
                .contains("mirror.example.net:8443").doesNotContain("token").doesNotContain("abc123")
                .doesNotContain(API_SECRET);
        assertThat(e.isRetryable()).isFalse();
        assertThat(searchRequests()).hasSize(1);
    }

    @Test
    void relativeRedirectNamesTheApiHost() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(307).withHeader("Location", "/v2/search/assets")));
        ScenarioApiException e = (ScenarioApiException) searchFailure("scenario:search?query=cat");
        assertThat(e.getMessage()).contains("redirect").contains("refused").contains("127.0.0.1:" + wireMock.port());
    }

    /** A complete 200 whose body is no search page gets the same body when asked again: fail at once, say why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTML page       | text/html; charset=utf-8 | <html><body>Sign in to continue</body></html>",
        "invalid JSON    | application/json         | {\"hits\": [}",
        "truncated JSON  | application/json         | {\"hits\":[{\"id\":\"a\"",
        "JSON null       | application/json         | null",
        "JSON array      | application/json         | []",
    })
    void okAnswerThatIsNotASearchPageFailsAtOnce(String what, String contentType, String body) {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body)));
        Exception e = searchFailure("scenario:search?query=cat&maxRetries=3");
        assertThat(e).isInstanceOf(ScenarioApiException.class);
        assertThat(e.getMessage()).contains("HTTP 200").contains(contentType).contains("not a search page")
                .contains("not retried").doesNotContain(API_SECRET).doesNotContain(API_KEY);
        assertThat(((ScenarioApiException) e).isRetryable()).isFalse();
        assertThat(searchRequests()).as("sent once: asking again gets the same body").hasSize(1);
    }

    /** JSON of another shape is no "no results": the message says what a search page lacks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"items\": [1, 2, 3]}            | there is no `hits`; a search page is a JSON object whose `hits` is an array of objects",
        "{}                                  | there is no `hits`",
        "{\"hits\": null, \"page\": 1}   | `hits` is null, not an array",
        "{\"hits\": {\"id\": \"a\"}}   | `hits` is an object, not an array",
        "{\"hits\": \"a,b\"}             | `hits` is a string, not an array",
        "{\"hits\": [{\"id\": \"a\"}, 2]} | `hits[1]` is a number, not an object",
        "{\"hits\": [null]}                | `hits[0]` is null, not an object",
        "42                                  | a search page is a JSON object whose `hits` is an array of objects",
    })
    void okAnswerOfAnotherShapeSaysWhatIsMissing(String body, String problem) {
        wireMock.stubFor(search().willReturn(okJson(body.strip())));
        Exception e = searchFailure("scenario:search?query=cat&maxRetries=3");
        assertThat(e).isInstanceOf(ScenarioApiException.class);
        assertThat(e.getMessage()).contains("HTTP 200").contains("not a search page: JSON of another shape: ")
                .contains(problem.strip()).contains("not retried");
        assertThat(((ScenarioApiException) e).isRetryable()).isFalse();
        assertThat(searchRequests()).as("sent once: asking again gets the same body").hasSize(1);
    }

    @Test
    void emptyOkAnswerFailsAtOnce() {
        wireMock.stubFor(search().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        Exception e = searchFailure("scenario:search?query=cat&maxRetries=3");
        assertThat(e).isInstanceOf(ScenarioApiException.class).hasMessageContaining("HTTP 200")
                .hasMessageContaining("empty");
        assertThat(searchRequests()).hasSize(1);
    }

    /** A misconfigured proxy or debug endpoint that echoes the request must not put our credentials in an exception. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 200, 400 })
    void echoedCredentialsAreBlankedOut(int status) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (API_KEY + ":" + API_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        wireMock.stubFor(search().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/plain")
                .withBody("Authorization: Basic " + basic + " (password " + API_SECRET + ")")));
        Exception e = searchFailure("scenario:search?query=cat");
        assertThat(e).isInstanceOf(ScenarioApiException.class);
        assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(basic).doesNotContain(API_SECRET);
    }

    @Test
    void bodyCutByTheConnectionIsAnIoFailureAndRetried() {
        // the connection drops before Content-Length bytes arrived: transient, unlike a complete but wrong body
        failThenSucceed(1, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        assertThat(template.requestBody("scenario:search?query=cat&maxRetries=2", null, List.class)).hasSize(1);
        assertThat(searchRequests()).hasSize(2);
    }
}
