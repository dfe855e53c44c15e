package io.github.camelscenario.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelscenario.scenario.client.Asset;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.camelscenario.scenario.CrawlPages.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's own output as a search's body: a hit asks for assets like it (image = its id), a List of hits for
 * assets like them (imagesLike = their ids). Through routes, as users chain them.
 */
@Timeout(30)
class HitBodySearchTest extends WireMockTestSupport {

    private void stubLookAlikes(String id, String... lookAlikes) {
        wireMock.stubFor(search().atPriority(1).withRequestBody(matchingJsonPath("$.image", equalTo(id)))
                .willReturn(okJson(page(1, 5, lookAlikes.length, lookAlikes))));
    }

    private static Asset hit(String id) {
        Asset a = new Asset();
        a.setId(id);
        return a;
    }

    private Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(searchRequests()).as("nothing may be sent for such a body").isEmpty();
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class);
        return out.getException();
    }

    /** The two-line route of docs/component.md, "Hits as a body", with a mock for its log. */
    @Test
    @SuppressWarnings("unchecked")
    void forEachNewAssetItsLookAlikes() throws Exception {
        wireMock.stubFor(search().atPriority(5).withRequestBody(matchingJsonPath("$.query", equalTo("dragon")))
                .willReturn(okJson(page(1, 96, 2, "a1", "a2"))));
        stubLookAlikes("a1", "like-a1-1", "like-a1-2");
        stubLookAlikes("a2", "like-a2-1");
        MockEndpoint lookAlikes = getMockEndpoint("mock:look-alikes");
        lookAlikes.expectedMessageCount(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("scenario:search?query=dragon&onlyNew=true")
                        .to("scenario:search?hitsPerPage=5")
                        .to("mock:look-alikes");
            }
        });
        lookAlikes.assertIsSatisfied(10_000);
        assertThat(Files.readString(Path.of("..", "docs", "component.md"))).as("the route above, as documented")
                .contains("from(\"scenario:search?query=dragon&onlyNew=true\")\n    .to(\"scenario:search?hitsPerPage=5\")");

        List<List<String>> found = lookAlikes.getExchanges().stream()
                .map(e -> e.getMessage().getBody(List.class).stream().map(a -> ((Asset) a).getId()).toList())
                .map(l -> (List<String>) new ArrayList<String>(l)).toList();
        assertThat(found).containsExactly(List.of("like-a1-1", "like-a1-2"), List.of("like-a2-1"));
        assertThat(lookAlikes.getExchanges()).extracting(e -> e.getMessage().getHeader(ScenarioConstants.ASSET_ID))
                .containsExactly("a1", "a2");
        List<JsonNode> imageSearches = sentBodies().stream().filter(b -> b.has("image")).toList();
        assertThat(imageSearches).hasSize(2);
        assertThat(imageSearches.get(0).toString()).isEqualTo("{\"image\":\"a1\",\"hitsPerPage\":5,\"page\":1}");
    }

    @Test
    void aListOfHitsTheProducersOwnAnswerAsksForAssetsLikeThemAll() throws Exception {
        wireMock.stubFor(search().atPriority(5).withRequestBody(matchingJsonPath("$.query", equalTo("dragon")))
                .willReturn(okJson(page(1, 3, 3, "a1", "a2", "a1"))));
        wireMock.stubFor(search().atPriority(1).withRequestBody(matchingJsonPath("$.images.like[0]", equalTo("a1")))
                .willReturn(okJson(page(1, 5, 1, "like-both"))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:similar").to("scenario:search?query=dragon&hitsPerPage=3")
                        .to("scenario:search?hitsPerPage=5&imagesUnlike=b9");
            }
        });
        List<?> hits = template.requestBody("direct:similar", null, List.class);
        assertThat(hits).extracting(a -> ((Asset) a).getId()).containsExactly("like-both");
        JsonNode second = lastSentBody();
        assertThat(second.path("images").toString()).isEqualTo("{\"like\":[\"a1\",\"a2\"],\"unlike\":[\"b9\"]}");
        assertThat(second.has("image")).isFalse();
        assertThat(second.has("query")).as("the second endpoint's options, not the first's").isFalse();
    }

    @Test
    void aHitReplacesTheEndpointsImageAndAHeaderReplacesTheHit() {
        stubLookAlikes("a1", "x");
        stubLookAlikes("from-header", "y");
        template.sendBody("scenario:search?image=from-option", hit("a1"));
        assertThat(lastSentBody().path("image").asText()).isEqualTo("a1");
        template.sendBodyAndHeader("scenario:search", hit("a1"), ScenarioConstants.IMAGE, "from-header");
        assertThat(lastSentBody().path("image").asText()).isEqualTo("from-header");
    }

    @Test
    void aHitCannotJoinTheEndpointsImagesButAListCan() {
        assertThat(failure("scenario:search?imagesUnlike=b9", hit("a1"), Map.of()))
                .hasMessageContaining("image and imagesLike/imagesUnlike cannot be used together")
                .hasMessageContaining("body hit's id (as image) is set, and so is option 'imagesUnlike'");
        assertThat(failure("scenario:search?image=ref", List.of(hit("a1")), Map.of()))
                .hasMessageContaining("option 'image' is set, and so is body hits' ids (as imagesLike)");
    }

    @Test
    void bodiesOfHitsThatCannotBeSearchedSayWhy() {
        assertThat(failure("scenario:search", new ArrayList<Asset>(), Map.of()))
                .hasMessageStartingWith("Cannot search with an empty List body: a List of hits asks for assets like "
                                        + "them (as imagesLike), and this one has none");
        assertThat(failure("scenario:search", hit(null), Map.of()))
                .hasMessage("Cannot search with a hit (Asset) body that has no id: a hit asks for assets like it by "
                            + "its id (as image)");
        assertThat(failure("scenario:search", List.of(hit("a1"), hit(" ")), Map.of()))
                .hasMessageStartingWith("Cannot search with the List body's hit 1 (of 2): it has no id");
        List<Asset> tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> hit("a" + i)).toList();
        assertThat(failure("scenario:search", tooMany, Map.of()))
                .hasMessageStartingWith("Cannot search with a List body of 101 hits: at most 100 (a page of hits) go "
                                        + "into one imagesLike");
        assertThat(failure("scenario:search", List.of("a1", "a2"), Map.of()))
                .hasMessageStartingWith("Cannot search with a body of type java.util.ImmutableCollections$List12 "
                                        + "holding other things than hits: ")
                .hasMessageContaining("or a hit (Asset) or List of hits");
        assertThat(failure("scenario:search", Collections.emptyIterator(), Map.of()))
                .hasMessageContaining("(split an allPages iterator first and search with each hit)");
    }
}
