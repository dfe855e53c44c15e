package io.github.camelscenario.scenario;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointServiceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's tooling lists where routes go through {@link EndpointServiceLocation}: the API's URL, never credentials. */
class ScenarioServiceLocationTest {

    @Test
    void theApiUrlAndProtocolWithoutCredentials() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            EndpointServiceLocation byDefault = (EndpointServiceLocation) context
                    .getEndpoint("scenario:search?query=cat&apiKey=key-not-shown&apiSecret=secret-not-shown");
            assertThat(byDefault.getServiceUrl()).isEqualTo("https://api.cloud.scenario.com/v1");
            assertThat(byDefault.getServiceProtocol()).isEqualTo("https");
            assertThat(byDefault.getServiceMetadata()).containsEntry("operation", "search");

            EndpointServiceLocation local = (EndpointServiceLocation) context.getEndpoint(
                    "scenario:search?query=cat&apiKey=key-not-shown&apiSecret=secret-not-shown"
                    + "&baseUrl=http://127.0.0.1:8080/v1");
            assertThat(local.getServiceUrl()).isEqualTo("http://127.0.0.1:8080/v1");
            // an endpoint refuses a baseUrl with user info or a query; the service URL would drop them all the same
            assertThat(ServiceLocations.withoutUserInfo("http://user:pw@127.0.0.1:8080/v1?x=1"))
                    .isEqualTo("http://127.0.0.1:8080/v1");
            assertThat(local.getServiceProtocol()).isEqualTo("http");
            assertThat(String.valueOf(local.getServiceMetadata()) + byDefault.getServiceMetadata())
                    .doesNotContain("secret-not-shown").doesNotContain("key-not-shown");
        }
    }
}
