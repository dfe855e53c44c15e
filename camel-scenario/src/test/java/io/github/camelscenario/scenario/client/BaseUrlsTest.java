package io.github.camelscenario.scenario.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own check of baseUrl, for users without Camel: the rule, never the user info. */
class BaseUrlsTest {

    @Test
    void theClientRefusesABadBaseUrlWithoutRepeatingItsUserInfo() {
        assertThatThrownBy(() -> HttpScenarioClient.builder().baseUrl("ftp://my-key:my-s3cret@files.example.com").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid baseUrl 'ftp://****@files.example.com': must be an absolute http(s) URL such as "
                            + HttpScenarioClient.DEFAULT_BASE_URL);
        assertThatThrownBy(() -> HttpScenarioClient.builder().baseUrl("http://k:p w@host/v1").build())
                .hasMessage("Invalid baseUrl 'http://****@host/v1': is not a URL (Illegal character in authority at "
                            + "index 7)");
    }

    @Test
    void aGoodBaseUrlGetsTheSearchPathWithOrWithoutATrailingSlash() {
        assertThat(BaseUrls.searchUri("http://127.0.0.1:8080/v1/")).hasToString("http://127.0.0.1:8080/v1/search/assets");
        assertThat(BaseUrls.problem("https://api.cloud.scenario.com/v1")).isNull();
    }
}
