package io.github.camelscenario.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.FileHostStubs;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options refused when a download endpoint is created; credentials kept from the file host; nothing signed leaks. */
@Timeout(60)
class DownloadEndpointTest extends DownloadTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "scenario:download?query=cat | Option query makes no sense for scenario:download, which downloads the asset in the body (a hit or an asset id) or headers: remove it",
            "scenario:download?allPages=true&hitsPerPage=5 | Options allPages, hitsPerPage make no sense for scenario:download",
            "scenario:download?onlyNew=true | Option onlyNew makes no sense",
            "scenario:download?downloadConcurrency=8 | Option downloadConcurrency makes no sense",
            "scenario:download?content=none | Invalid option 'content' = none for scenario:download: it downloads, so content is file (the default) or thumbnail",
            "scenario:search?query=cat&downloadConcurrency=0 | Invalid option 'downloadConcurrency' = 0: must be between 1 and 32",
            "scenario:search?query=cat&downloadConcurrency=33 | Invalid option 'downloadConcurrency' = 33: must be between 1 and 32",
    })
    void optionsThatMakeNoSenseAreRefusedWhenTheEndpointIsCreated(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message.strip());
    }

    @Test
    void searchOptionsSetOnTheComponentAreDefaultsADownloadIgnores() {
        ScenarioComponent component = context.getComponent("scenario", ScenarioComponent.class);
        component.getConfiguration().setPrefetchPages(4);
        component.getConfiguration().setHitsPerPage(50);
        assertThat(context.getEndpoint("scenario:download?content=thumbnail")).isNotNull();
    }

    @Test
    void downloadIsAProducerOnly() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scenario:download").to("mock:never");
            }
        })).isInstanceOf(FailedToStartRouteException.class).rootCause()
                .hasMessage("scenario:download is a producer only: to receive files, consume scenario:search?content=file");
    }

    @Test
    void theSearchProducerRefusesContent() {
        assertThatThrownBy(() -> template.request("scenario:search?query=cat&content=file", e -> {
        })).isInstanceOf(FailedToCreateProducerException.class).rootCause()
                .hasMessageContaining("Invalid option 'content' = file for the scenario:search producer")
                .hasMessageContaining("scenario:download?content=file");
        assertThat(stubs.api.getAllServeEvents()).isEmpty();
    }

    @Test
    void credentialsAddedByAnHttpClientConfigurerNeverReachTheFileHost() throws Exception {
        // a configurer that authenticates every request it sees, as a user's bearer-token interceptor would
        HttpClientConfigurer bearer = builder -> builder.addRequestInterceptorFirst((request, entity, ctx) -> {
            request.setHeader("Authorization", "Bearer user-jwt-" + FileHostStubs.SIGNATURE);
            request.setHeader("Cookie", "session=user-session");
        });
        context.getRegistry().bind("bearer", bearer);
        Asset hit = servedHit("asset_dlc", LARGE);
        stubs.files.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/f/asset_dlc"))
                .atPriority(1).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(aResponse().withStatus(403)));
        stubs.downloadLinkAnswers("asset_dlc", "/f/asset_dlc.fresh");
        stubs.file("/f/asset_dlc.fresh", FileHostStubs.bytes(LARGE, "image/png"));
        stubs.api.stubFor(post(urlPathEqualTo("/v1/search/assets"))
                .willReturn(okJson("{\"hits\": [" + hitJson(hit) + "], \"page\": 1, \"totalHits\": 1}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:c").to("scenario:search?query=cat&httpClientConfigurer=#bearer").split(body())
                        .to("scenario:download?httpClientConfigurer=#bearer").to("mock:files");
            }
        });
        getMockEndpoint("mock:files").expectedMessageCount(1);
        template.sendBody("direct:c", null);
        getMockEndpoint("mock:files").assertIsSatisfied();

        assertThat(stubs.api.findAll(postRequestedFor(urlPathEqualTo("/v1/search/assets"))).get(0)
                .getHeader("Cookie")).as("the configurer did apply to the API").isEqualTo("session=user-session");
        // the expired URL was refreshed through the API, and the fresh one downloaded: neither carried a credential
        assertThat(stubs.downloadLinkRequests("asset_dlc")).isEqualTo(1);
        assertThat(stubs.fileRequests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.containsHeader("Authorization")).as("Authorization at the file host").isFalse();
            assertThat(r.containsHeader("Cookie")).as("Cookie at the file host").isFalse();
        });
    }

    @Test
    void theSignedUrlIsInNoLogLineNorExceptionOfAFailedExchange() throws Exception {
        Asset gone = stubs.hit("asset_dlg", "image/png", "/f/asset_dlg");
        stubs.file("/f/asset_dlg", aResponse().withStatus(404));
        Asset busy = stubs.hit("asset_dlb", "image/png", "/f/asset_dlb");
        stubs.file("/f/asset_dlb", aResponse().withStatus(503));
        Asset expired = stubs.hit("asset_dle", "image/png", "/f/asset_dle");
        stubs.file("/f/asset_dle", aResponse().withStatus(410));
        stubs.downloadLinkAnswers("asset_dle", "/f/asset_dle");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Exchange> failed;
        try {
            // our loggers run at DEBUG in tests, and Camel's error handler logs every failed exchange
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            failed = List.of(gone, busy, expired).stream()
                    .map(hit -> template.send("scenario:download?maxRetries=1", e -> e.getMessage().setBody(hit)))
                    .toList();
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("retrying in").contains("asking for a fresh link");
        assertThat(logs).doesNotContain(FileHostStubs.SIGNATURE).doesNotContain(FileHostStubs.API_SECRET);
        for (Exchange e : failed) {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            e.getException().printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            assertThat(trace.toString(StandardCharsets.UTF_8)).contains("asset asset_dl")
                    .doesNotContain(FileHostStubs.SIGNATURE);
        }
    }
}
