package io.github.camelscenario.scenario;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelscenario.scenario.client.ImageReferences;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** What the producer sends: exact JSON for every option, header and body form, and their precedence. */
class ProducerRequestTest extends WireMockTestSupport {

    @TempDir
    Path tmp;

    @BeforeEach
    void stubPage() {
        wireMock.stubFor(search().willReturn(okJson(CrawlPages.pageClaiming(1, 20, 1, 1, "a1"))));
    }

    private JsonNode send(String uri, Object body, Map<String, Object> headers) {
        Exchange result = template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        assertThat(result.getException()).isNull();
        return lastSentBody();
    }

    @Test
    void everyOptionIsSentUnderItsApiName() {
        JsonNode sent = send("scenario:search?query=cat&filter=RAW(tags = cat AND width > 512)&image=asset_ref1"
                             + "&imageSemanticRatio=0.4&querySemanticRatio=0.6&hitsPerPage=50&page=2"
                             + "&sortBy=createdAt:desc,width:asc&publicAssets=true",
                null, Map.of());
        assertThat(sent).isEqualTo(json("{'query':'cat','filter':'tags = cat AND width > 512','image':'asset_ref1',"
                                         + "'imageSemanticRatio':0.4,'querySemanticRatio':0.6,'hitsPerPage':50,"
                                         + "'page':2,'sortBy':['createdAt:desc','width:asc'],'public':true}"));
    }

    @Test
    void imagesLikeAndUnlikeAreSentAsLists() {
        JsonNode sent = send("scenario:search?imagesLike=asset_a, asset_b&imagesUnlike=asset_c", null, Map.of());
        assertThat(sent).isEqualTo(json("{'images':{'like':['asset_a','asset_b'],'unlike':['asset_c']}}"));
    }

    @Test
    void onlyFieldsThatAreSetAreSent() {
        JsonNode sent = send("scenario:search?query=cat", null, Map.of());
        assertThat(sent).isEqualTo(json("{'query':'cat'}"));
    }

    @Test
    void hitsPerPageAloneAsksForTheFirstPage() {
        JsonNode sent = send("scenario:search?query=cat&hitsPerPage=10", null, Map.of());
        assertThat(sent).isEqualTo(json("{'query':'cat','hitsPerPage':10,'page':1}"));
    }

    @Test
    void projectIdAndOriginalAssetsAreQueryParametersNotBodyFields() {
        JsonNode sent = send("scenario:search?query=cat&projectId=proj_1&originalAssets=true", null, Map.of());
        assertThat(sent).isEqualTo(json("{'query':'cat'}"));
        LoggedRequest request = searchRequests().get(0);
        assertThat(request.queryParameter("projectId").firstValue()).isEqualTo("proj_1");
        assertThat(request.queryParameter("originalAssets").firstValue()).isEqualTo("true");
    }

    @Test
    void sendsBasicAuthAndJsonContentType() {
        send("scenario:search?query=cat", null, Map.of());
        LoggedRequest request = searchRequests().get(0);
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.queryParameter("projectId").isPresent()).isFalse();
    }

    static List<Object[]> headers() {
        return List.of(
                new Object[] { ScenarioConstants.QUERY, "dog", "{'query':'dog'}" },
                new Object[] { ScenarioConstants.FILTER, "width > 10", "{'query':'cat','filter':'width > 10'}" },
                new Object[] { ScenarioConstants.IMAGE, "asset_x", "{'query':'cat','image':'asset_x'}" },
                new Object[] { ScenarioConstants.IMAGES_LIKE, "asset_x,asset_y",
                               "{'query':'cat','images':{'like':['asset_x','asset_y']}}" },
                new Object[] { ScenarioConstants.IMAGES_UNLIKE, List.of("asset_z"),
                               "{'query':'cat','images':{'unlike':['asset_z']}}" },
                new Object[] { ScenarioConstants.IMAGE_SEMANTIC_RATIO, "0.25", "{'query':'cat','imageSemanticRatio':0.25}" },
                new Object[] { ScenarioConstants.QUERY_SEMANTIC_RATIO, 0.5, "{'query':'cat','querySemanticRatio':0.5}" },
                new Object[] { ScenarioConstants.HITS_PER_PAGE, 7, "{'query':'cat','hitsPerPage':7,'page':1}" },
                new Object[] { ScenarioConstants.PAGE, "3", "{'query':'cat','page':3}" },
                new Object[] { ScenarioConstants.SORT_BY, "score:desc", "{'query':'cat','sortBy':['score:desc']}" },
                new Object[] { ScenarioConstants.PUBLIC_ASSETS, "true", "{'query':'cat','public':true}" });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void eachHeaderSetsItsField(String header, Object value, String expected) {
        JsonNode sent = send("scenario:search?query=cat", null, Map.of(header, value));
        assertThat(sent).isEqualTo(json(expected));
    }

    @Test
    void queryParameterHeadersOverrideOptions() {
        send("scenario:search?query=cat&projectId=p1", null,
                Map.of(ScenarioConstants.PROJECT_ID, "p2", ScenarioConstants.ORIGINAL_ASSETS, false));
        LoggedRequest request = searchRequests().get(0);
        assertThat(request.queryParameter("projectId").firstValue()).isEqualTo("p2");
        assertThat(request.queryParameter("originalAssets").firstValue()).isEqualTo("false");
    }

    @Test
    void headersOverrideBodyWhichOverridesOptions() {
        JsonNode sent = send("scenario:search?query=cat&filter=width > 1&hitsPerPage=5&page=1",
                "{\"query\":\"dog\",\"filter\":\"width > 2\"}",
                Map.of(ScenarioConstants.FILTER, "width > 3"));
        assertThat(sent).isEqualTo(json("{'query':'dog','filter':'width > 3','hitsPerPage':5,'page':1}"));
    }

    @Test
    void dataUrlsInAHeaderCollectionAreNeverSplit() {
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.encode("png"));
        JsonNode sent = send("scenario:search", null, Map.of(ScenarioConstants.IMAGES_LIKE, List.of(png, "asset_b")));
        assertThat(sent.at("/images/like")).hasSize(2);
        assertThat(sent.at("/images/like/0").asText()).isEqualTo(png);
        assertThat(sent.at("/images/like/1").asText()).isEqualTo("asset_b");
    }

    @Test
    void aSingleDataUrlStringHeaderIsTakenWhole() {
        String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.encode("png"));
        JsonNode sent = send("scenario:search", null, Map.of(ScenarioConstants.IMAGES_UNLIKE, png));
        assertThat(sent).isEqualTo(JSON.createObjectNode().set("images",
                JSON.createObjectNode().set("unlike", JSON.createArrayNode().add(png))));
    }

    @Test
    void plainStringBodyIsTheQuery() {
        assertThat(send("scenario:search?filter=width > 1", "  red dragon ", Map.of()))
                .isEqualTo(json("{'query':'red dragon','filter':'width > 1'}"));
    }

    @Test
    void emptyBodyIsIgnored() {
        assertThat(send("scenario:search?query=cat", "", Map.of())).isEqualTo(json("{'query':'cat'}"));
    }

    @Test
    void jsonStringBodyIsTheRequest() {
        assertThat(send("scenario:search", "{\"query\":\"fox\",\"images\":{\"like\":[\"a1\"]},\"limit\":5}", Map.of()))
                .isEqualTo(json("{'query':'fox','images':{'like':['a1']},'limit':5}"));
    }

    @Test
    void jsonBytesAndStreamBodiesAreTheRequest() {
        byte[] json = "{\"filter\":\"tags = cat\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("scenario:search", json, Map.of())).isEqualTo(json("{'filter':'tags = cat'}"));
        assertThat(send("scenario:search", new ByteArrayInputStream(json), Map.of()))
                .isEqualTo(json("{'filter':'tags = cat'}"));
    }

    @Test
    void mapBodyIsTheRequest() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("query", "owl");
        map.put("hitsPerPage", 3);
        map.put("page", 2);
        map.put("public", true);
        assertThat(send("scenario:search", map, Map.of()))
                .isEqualTo(json("{'query':'owl','hitsPerPage':3,'page':2,'public':true}"));
    }

    @Test
    void typedRequestBodyIsTheRequest() {
        SearchRequest request = new SearchRequest().setQuery("cat")
                .setImages(new ImageReferences(List.of("asset_1"), List.of()))
                .setSortBy(List.of("createdAt:asc"));
        assertThat(send("scenario:search", request, Map.of()))
                .isEqualTo(json("{'query':'cat','images':{'like':['asset_1']},'sortBy':['createdAt:asc']}"));
    }

    static List<Object[]> imageFormats() {
        return List.of(
                new Object[] { "image/png", TestImages.encode("png") },
                new Object[] { "image/jpeg", TestImages.encode("jpg") },
                new Object[] { "image/gif", TestImages.encode("gif") },
                new Object[] { "image/webp", TestImages.webp() });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imageFormats")
    void imageBytesAreSentAsADataUrlOfTheirType(String mimeType, byte[] image) {
        JsonNode sent = send("scenario:search?query=cat", image, Map.of());
        assertThat(sent.get("image").asText())
                .isEqualTo("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(image));
        assertThat(sent.get("query").asText()).isEqualTo("cat");
    }

    @Test
    void imageFromStreamFileAndPath() throws Exception {
        byte[] png = TestImages.encode("png");
        String expected = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        Path file = Files.write(tmp.resolve("pic.png"), png);
        assertThat(send("scenario:search", new ByteArrayInputStream(png), Map.of()).get("image").asText())
                .isEqualTo(expected);
        assertThat(send("scenario:search", file.toFile(), Map.of()).get("image").asText()).isEqualTo(expected);
        assertThat(send("scenario:search", file, Map.of()).get("image").asText()).isEqualTo(expected);
    }

    @Test
    void pictureDroppedInAFolderIsSearchedBySimilarity() throws Exception {
        File inbox = tmp.resolve("inbox").toFile();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=10").to("scenario:search?hitsPerPage=5");
            }
        });
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
        byte[] jpeg = TestImages.encode("jpg");
        Files.write(inbox.toPath().resolve("photo.jpg"), jpeg);
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lastSentBody()).isEqualTo(JSON.createObjectNode()
                .put("image", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg))
                .put("hitsPerPage", 5).put("page", 1));
    }
}
