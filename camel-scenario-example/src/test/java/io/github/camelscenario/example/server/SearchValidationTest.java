package io.github.camelscenario.example.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's request rules and authentication, over HTTP. */
class SearchValidationTest {

    private static LocalScenarioServer server;
    private static ScenarioHttp http;

    @BeforeAll
    static void start() {
        server = LocalScenarioServer.builder().assets(300).start();
        http = new ScenarioHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                   | Must provide at least one search parameter",
            "{\"query\": \"  \", \"filter\": \"\"}                | Must provide at least one search parameter",
            "{\"images\": {\"like\": []}}                         | Must provide at least one search parameter",
            "{\"image\": \"asset_x\", \"images\": {\"like\": [\"asset_y\"]}} | image and images are mutually exclusive",
            "{\"query\": \"cat\", \"hitsPerPage\": 10}            | hitsPerPage must be used with page",
            "{\"query\": \"cat\", \"hitsPerPage\": 0, \"page\": 1} | hitsPerPage must be between 1 and 100",
            "{\"query\": \"cat\", \"hitsPerPage\": 101, \"page\": 1} | hitsPerPage must be between 1 and 100",
            "{\"query\": \"cat\", \"limit\": 101}                 | Limit exceeds maximum (100)",
            "{\"query\": \"cat\", \"limit\": 0}                   | limit must be between 1 and 100",
            "{\"query\": \"cat\", \"page\": 0}                    | page must be 1 or more",
            "{\"query\": \"cat\", \"offset\": -1}                 | offset must be 0 or more",
            "{\"query\": \"cat\", \"imageSemanticRatio\": 1.5}    | imageSemanticRatio must be between 0 and 1",
            "{\"query\": \"cat\", \"querySemanticRatio\": -0.1}   | querySemanticRatio must be between 0 and 1",
            "{\"query\": \"cat\", \"page\": \"2\"}                | page must be an integer",
            "{\"query\": \"cat\", \"limit\": 2.5}                 | limit must be an integer",
            "{\"query\": 5}                                       | query must be a string",
            "{\"query\": \"cat\", \"foo\": 1}                     | Unknown field \"foo\" in request body",
            "{\"images\": {\"like\": [\"a\"], \"maybe\": []}}     | Unknown field \"images.maybe\"",
            "{\"query\": \"cat\", \"sortBy\": [\"name:asc\"]}     | \"name\" is not a sortable attribute",
            "{\"query\": \"cat\", \"sortBy\": [\"createdAt\"]}    | sortBy entries must read attribute:asc or attribute:desc",
            "{\"query\": \"cat\", \"sortBy\": \"createdAt:desc\"} | sortBy must be an array",
            "{\"query\": \"cat\", \"public\": \"yes\"}            | public must be true or false",
            "{\"query\": \"cat\"                                  | Malformed JSON in request body",
            "{\"query\": \"cat\"} trailing                        | Malformed JSON in request body",
            "[\"cat\"]                                            | Request body must be a JSON object",
            "``                                                   | Request body must be a JSON object",
            "{\"filter\": \"tags = cat ANDD width > 5\"}          | Invalid filter syntax at position 12 near 'ANDD'",
            "{\"filter\": \"foo = 1\"}                            | \"foo\" is not a filterable field",
    })
    void answers400NamingTheRule(String body, String message) {
        ScenarioHttp.Reply reply = http.search(body.trim());
        assertThat(reply.status()).as(reply.raw().toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
        assertThat(reply.message()).contains(message.trim());
    }

    @Test
    void rejectsBadOriginalAssetsParameter() {
        ScenarioHttp.Reply reply = http.search("{\"query\": \"cat\"}", "?originalAssets=maybe");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("originalAssets must be true or false");
    }

    @Test
    void acceptsAValidRequest() {
        ScenarioHttp.Reply reply = http.search("{\"query\": \"cat\", \"limit\": 5, \"querySemanticRatio\": 0.5, "
                                               + "\"public\": true}", "?projectId=&originalAssets=false");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("hits").size()).isEqualTo(5);
    }

    @Test
    void requiresBasicAuthWithTheRightCredentials() {
        String body = "{\"query\": \"cat\"}";
        ScenarioHttp.Reply none = http.search(body, "", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");
        assertThat(none.message()).contains("Missing Authorization header");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        ScenarioHttp.Reply wrongSecret = http.search(body, "", ScenarioHttp.basic("demo-key", "nope"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.message()).isEqualTo("Invalid API key or secret");

        ScenarioHttp.Reply bearer = http.search(body, "", "Bearer abc.def.ghi");
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.code()).isEqualTo("UNAUTHORIZED");

        assertThat(http.search(body, "", ScenarioHttp.basic("demo-key", "demo-secret")).status()).isEqualTo(200);
    }

    @Test
    void usesConfiguredCredentials() {
        try (LocalScenarioServer other = LocalScenarioServer.builder().assets(10).credentials("k1", "s1").start()) {
            ScenarioHttp client = new ScenarioHttp(other);
            assertThat(client.search("{\"query\":\"cat\"}", "", ScenarioHttp.basic("demo-key", "demo-secret")).status())
                    .isEqualTo(401);
            assertThat(client.search("{\"query\":\"cat\"}", "", ScenarioHttp.basic("k1", "s1")).status()).isEqualTo(200);
        }
    }

    @Test
    void answersOnlyPostOnTheSearchPath() {
        ScenarioHttp.Reply get = http.get(server.getBaseUrl() + "/search/assets");
        assertThat(get.status()).isEqualTo(405);
        assertThat(http.get(server.getBaseUrl() + "/search/assetsX").status()).isEqualTo(404);
    }
}
