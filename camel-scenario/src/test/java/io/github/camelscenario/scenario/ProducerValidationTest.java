package io.github.camelscenario.scenario;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelscenario.scenario.client.ScenarioClient;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
            "maxRetries=-2       | Invalid option 'maxRetries' = -2: must be 0 (no retry) or more",
            "connectTimeout=0    | Invalid option 'connectTimeout' = 0 ms: must be more than 0 ms (0 would wait for a connection without bound)",
            "responseTimeout=-1  | Invalid option 'responseTimeout' = -1 ms: must be more than 0 ms (0 would wait for an answer without bound)",
            "responseTimeout=0   | Invalid option 'responseTimeout' = 0 ms: must be more than 0 ms",
            "connectionRequestTimeout=0 | Invalid option 'connectionRequestTimeout' = 0 ms: must be more than 0 ms (0 would wait for a pooled connection without bound)",
            "retryInitialDelay=0 | Invalid option 'retryInitialDelay' = 0 ms: must be more than 0 ms (a retry must wait before it asks again)",
            "retryInitialDelay=-5 | Invalid option 'retryInitialDelay' = -5 ms: must be more than 0 ms",
            "retryMaxDelay=0     | Invalid option 'retryMaxDelay' = 0 ms: must be more than 0 ms",
            "retryInitialDelay=2s&retryMaxDelay=1s | Invalid option 'retryMaxDelay' = 1000 ms: must be at least retryInitialDelay (2000 ms)",
            "fullCrawlInterval=-1 | Invalid option 'fullCrawlInterval' = -1 ms: must be 0 (every poll a full crawl) or more",
            "delay=0             | Invalid option 'delay' = 0: must be more than 0 (in timeUnit, milliseconds by default)",
            "delay=-1000         | Invalid option 'delay' = -1000: must be more than 0",
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
    void aWaitOptionSetOnTheComponentFailsEveryEndpointAtCreation() {
        context.getComponent("scenario", ScenarioComponent.class).getConfiguration().setResponseTimeout(-1);
        assertThatThrownBy(() -> context.getEndpoint("scenario:search?query=cat"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageStartingWith("Invalid option 'responseTimeout' = -1 ms: must be more than 0 ms");
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

    /** An empty body alone says so, and what a body may be; with options that make a search it is ignored. */
    @Test
    void anEmptyBodyWithNothingElseToSearchForSaysTheBodyWasEmpty(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Map<Object, String> bodies = Map.of("", "an empty String", new byte[0], "an empty byte[]",
                new ByteArrayInputStream(new byte[0]), "an empty InputStream", empty.toFile(), "an empty file " + empty);
        bodies.forEach((body, what) -> assertThat(failure("scenario:search?hitsPerPage=5", body, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Nothing to search for: the body is " + what + ", and no option or header sets "
                                        + "query, filter, image, imagesLike or imagesUnlike; use a SearchRequest, a Map "
                                        + "or JSON object, a String query, a PNG/JPEG/GIF/WebP image"));

        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 1, 1, 1, "a"))));
        assertThat(template.requestBody("scenario:search?query=cat", new byte[0], List.class)).hasSize(1);
    }

    /** The case: a file endpoint that picks up an empty file. */
    @Test
    void anEmptyFileFromAFileEndpointSaysTheBodyWasAnEmptyFile(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("empty.png"));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:failed"));
                from("file:" + dir + "?noop=true&initialDelay=0").to("scenario:search?hitsPerPage=5");
            }
        });
        failed.assertIsSatisfied(10_000);
        Exception e = failed.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).hasMessageStartingWith("Nothing to search for: the body is an empty file ")
                .hasMessageContaining("empty.png");
        assertThat(searchRequests()).isEmpty();
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
