package io.github.camelscenario.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the HTTP client would only refuse on the first exchange (it is built then) is refused when the endpoint is
 * created: the route does not start, and the message names the option, the value (never a credential) and the rule.
 */
class OptionChecksAtCreationTest extends WireMockTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "baseUrl=RAW(not a url) | Invalid option 'baseUrl' = 'not a url': is not a URL (Illegal character in path at index 3)",
            "baseUrl=ftp://files.example.com/v1 | Invalid option 'baseUrl' = 'ftp://files.example.com/v1': must be an absolute http(s) URL such as https://api.cloud.scenario.com/v1",
            "baseUrl=api.example.com/v1 | Invalid option 'baseUrl' = 'api.example.com/v1': must be an absolute http(s) URL such as https://api.cloud.scenario.com/v1",
            "baseUrl=RAW(http://api.example.com/v1?region=eu) | Invalid option 'baseUrl' = 'http://api.example.com/v1?region=eu': must not have a query or fragment: the search path is appended to it",
            "proxyHost=localhost&proxyPort=70000 | Invalid option 'proxyPort' = 70000: must be between 1 and 65535",
            "proxyHost=RAW( )&proxyPort=3128 | Invalid option 'proxyHost' = ' ': must not be blank",
    })
    void anOptionTheClientWouldRefuseFailsTheEndpoint(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint("scenario:search?query=cat&" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message.trim());
    }

    @Test
    void aRouteWithABadBaseUrlDoesNotStart() throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.addComponent("scenario", context.getComponent("scenario"));
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("scenario:search?query=cat&baseUrl=ftp://files.example.com/v1");
                }
            });
            assertThatThrownBy(other::start).rootCause().hasMessageStartingWith("Invalid option 'baseUrl'");
        }
        assertThat(searchRequests()).isEmpty();
    }

    /** The user info of a baseUrl is a credential: neither our message nor its causes repeat any of it. */
    @ParameterizedTest
    @ValueSource(strings = { "http://my-key:my-s3cret@api.example.com/v1", "ftp://my-key:my-s3cret@files.example.com",
                             "my-key:my-s3cret@api.example.com", "http://my-key:my s3cret@api.example.com/v1" })
    void aBaseUrlWithUserInfoIsRefusedWithoutRepeatingIt(String baseUrl) {
        ScenarioComponent component = context.getComponent("scenario", ScenarioComponent.class);
        component.getConfiguration().setBaseUrl(baseUrl);
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("scenario:search?query=cat"));
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.toString());
        }
        assertThat(messages.get(messages.size() - 1)).contains("Invalid option 'baseUrl' = '").contains("****@");
        assertThat(String.join("\n", messages)).doesNotContain("my-key").doesNotContain("s3cret");
    }

    @Test
    void sslContextParametersThatCannotMakeAnSslContextFailTheEndpoint() {
        context.getRegistry().bind("brokenTls", TransportOptionsTest.trusting(Path.of("no-such-truststore.p12")));
        assertThatThrownBy(() -> context.getEndpoint("scenario:search?query=cat&sslContextParameters=#brokenTls"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageContaining("no-such-truststore.p12");
        assertThatThrownBy(() -> context.getEndpoint("scenario:search?query=dog&sslContextParameters=#brokenTls"))
                .cause()
                .hasMessageStartingWith("Invalid option 'sslContextParameters': cannot create its SSLContext: ");
    }
}
