package io.github.camelscenario.scenario;

import java.util.Map;

import io.github.camelscenario.scenario.client.ScenarioClient;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails before anything is sent, naming the option or header, the value and the rule. */
class ProducerValidationTest extends WireMockTestSupport {

    private Throwable failure(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(searchRequests()).as("nothing may be sent for invalid input").isEmpty();
        assertThat(out.getException()).isNotNull();
        return out.getException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hitsPerPage=0       | Invalid option 'hitsPerPage' = 0: must be between 1 and 100",
            "hitsPerPage=101     | Invalid option 'hitsPerPage' = 101: must be between 1 and 100",
            "page=0              | Invalid option 'page' = 0: must be 1 or more",
            "imageSemanticRatio=1.5 | Invalid option 'imageSemanticRatio' = 1.5: must be between 0 and 1",
            "querySemanticRatio=-0.1 | Invalid option 'querySemanticRatio' = -0.1: must be between 0 and 1",
            "sortBy=createdAt    | Invalid option 'sortBy' = 'createdAt': each entry must read attribute:asc or attribute:desc",
            "image=data:image/png;base64,!!! | Invalid option 'image' = 'data:image/png;base64,!!!': is not a valid image data URL",
            "image=data:text/plain;base64,aGk= | is not a valid image data URL: must be a data URL of the form data:image/<type>;base64,<payload>",
            "imagesLike=RAW(has space) | Invalid option 'imagesLike' = 'has space': must be an asset id",
            "maxResults=-1       | Invalid option 'maxResults' = -1: must be 0 (no cap) or more",
            "prefetchPages=99    | Invalid option 'prefetchPages' = 99: must be between 0 and 16",
            "maxRetries=-2       | maxRetries must be 0 or more, was -2",
            "proxyHost=localhost | Options 'proxyHost' and 'proxyPort' go together",
            "image=asset_1&imagesLike=asset_2 | image and imagesLike/imagesUnlike cannot be used together (the API takes one reference style per search): option 'image' is set, and so is option 'imagesLike'",
            "image=asset_1&imagesUnlike=asset_2 | option 'image' is set, and so is option 'imagesUnlike'",
    })
    void invalidOptionFailsAtEndpointCreation(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint("scenario:search?query=cat&" + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.trim());
    }

    @Test
    void unknownOperationIsNamed() {
        assertThatThrownBy(() -> context.getEndpoint("scenario:find?query=cat"))
                .rootCause()
                .hasMessageContaining("Unknown Scenario operation 'find'")
                .hasMessageContaining("[search, download]");
    }

    @Test
    void apiKeyWithoutSecretIsRejected() {
        ScenarioComponent bare = new ScenarioComponent();
        context.addComponent("bare", bare);
        assertThatThrownBy(() -> context.getEndpoint("bare:search?query=cat&apiKey=k"))
                .rootCause()
                .hasMessageContaining("Option 'apiSecret' is missing");
    }

    @Test
    void noCredentialsFailAtEndpointCreation() {
        context.addComponent("bare", new ScenarioComponent());
        assertThatThrownBy(() -> context.getEndpoint("bare:search?query=cat"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No Scenario credentials: set options 'apiKey' and 'apiSecret'")
                .hasMessageContaining("camel.component.scenario.api-key")
                .hasMessageContaining("'scenarioClient'")
                .hasMessageContaining("'httpClientConfigurer'");
        assertThatThrownBy(() -> context.getEndpoint("bare:search?query=cat&apiKey=RAW( )&apiSecret=RAW( )"))
                .as("blank credentials are no credentials")
                .rootCause()
                .hasMessageContaining("No Scenario credentials");
    }

    @Test
    void anInjectedClientOrHttpClientConfigurerMayAuthenticateOnItsOwn() {
        context.addComponent("bare", new ScenarioComponent());
        ScenarioClient client = request -> {
            throw new UnsupportedOperationException("not searched here");
        };
        HttpClientConfigurer bearer = builder -> builder.addRequestInterceptorFirst(
                (request, entity, ctx) -> request.setHeader("Authorization", "Bearer jwt"));
        context.getRegistry().bind("ownClient", client);
        context.getRegistry().bind("bearer", bearer);
        assertThat(context.getEndpoint("bare:search?query=cat&scenarioClient=#ownClient")).isNotNull();
        assertThat(context.getEndpoint("bare:search?query=cat&httpClientConfigurer=#bearer")).isNotNull();
    }

    @Test
    void nothingToSearchFor() {
        assertThat(failure("scenario:search?hitsPerPage=10", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nothing to search for: set at least one of query, filter, image, imagesLike or "
                                      + "imagesUnlike");
    }

    @Test
    void imageAndImagesAreExclusive() {
        assertThat(failure("scenario:search?image=asset_1", null, Map.of(ScenarioConstants.IMAGES_LIKE, "asset_2")))
                .hasMessageContaining("image and imagesLike/imagesUnlike cannot be used together")
                .hasMessageContaining("option 'image' is set, and so is header CamelScenarioImagesLike");
    }

    @Test
    void headerValueOutOfRangeNamesTheHeader() {
        assertThat(failure("scenario:search?query=cat", null, Map.of(ScenarioConstants.HITS_PER_PAGE, 500)))
                .hasMessage("Invalid header CamelScenarioHitsPerPage = 500: must be between 1 and 100");
        assertThat(failure("scenario:search?query=cat", null, Map.of(ScenarioConstants.PAGE, -1)))
                .hasMessage("Invalid header CamelScenarioPage = -1: must be 1 or more");
    }

    @Test
    void headerOfTheWrongTypeNamesTheHeaderAndType() {
        assertThat(failure("scenario:search?query=cat", null, Map.of(ScenarioConstants.HITS_PER_PAGE, "many")))
                .hasMessage("Invalid header CamelScenarioHitsPerPage = 'many': must be a Integer");
    }

    @Test
    void malformedDataUrlInHeader() {
        assertThat(failure("scenario:search", null, Map.of(ScenarioConstants.IMAGE, "data:image/png;base64,")))
                .hasMessageContaining("Invalid header CamelScenarioImage")
                .hasMessageContaining("is not a valid image data URL");
    }

    @Test
    void bodyFieldOutOfRangeNamesTheBody() {
        assertThat(failure("scenario:search", "{\"query\":\"cat\",\"imageSemanticRatio\":2}", Map.of()))
                .hasMessage("Invalid body field 'imageSemanticRatio' = 2.0: must be between 0 and 1");
    }

    @Test
    void unknownJsonFieldIsAnErrorNotDropped() {
        assertThat(failure("scenario:search", "{\"query\":\"cat\",\"colour\":\"red\"}", Map.of()))
                .hasMessageContaining("Body String is JSON but not a valid search request")
                .hasMessageContaining("colour");
    }

    @Test
    void binaryThatIsNotAnImage() {
        assertThat(failure("scenario:search", new byte[] { 1, 2, 3, 4, 5 }, Map.of()))
                .hasMessage("Cannot search with a byte[] body of 5 bytes: it is neither a JSON search request nor a PNG, "
                            + "JPEG, GIF or WebP image");
    }

    @Test
    void unsupportedBodyTypeIsNamed() {
        assertThat(failure("scenario:search", 42, Map.of()))
                .hasMessageStartingWith("Cannot search with a body of type java.lang.Integer");
    }
}
