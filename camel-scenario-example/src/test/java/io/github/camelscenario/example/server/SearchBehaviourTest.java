package io.github.camelscenario.example.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Search results over HTTP: paging, relevance, similarity, sorting, scoping, served pictures. */
class SearchBehaviourTest {

    private static LocalScenarioServer server;
    private static ScenarioHttp http;

    @BeforeAll
    static void start() {
        // no paging cap: these tests page through the whole result (the cap has its own test below)
        server = LocalScenarioServer.builder().assets(3_000).maxTotalHits(0).start();
        http = new ScenarioHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersInTheContractShape() {
        JsonNode page = http.search("{\"query\": \"fox\", \"limit\": 1}").json();
        assertThat(page.properties()).extracting(java.util.Map.Entry::getKey).containsExactly(
                "hits", "limit", "offset", "estimatedTotalHits", "hitsPerPage", "page", "totalHits", "totalPages");
        JsonNode hit = page.path("hits").get(0);
        assertThat(hit.path("id").asText()).matches("asset_[0-9A-Za-z]{22}");
        for (String field : List.of("authorId", "ownerId", "teamId", "createdAt", "updatedAt", "mimeType", "privacy",
                "url", "description", "transcription")) {
            assertThat(hit.path(field).isTextual()).as(field).isTrue();
        }
        assertThat(hit.path("collectionIds").isArray()).isTrue();
        assertThat(hit.path("nsfw").isArray()).isTrue();
        assertThat(hit.path("tags")).isNotEmpty();
        assertThat(hit.path("score").isNumber()).isTrue();
        String id = hit.path("id").asText();
        String extension = hit.path("mimeType").asText().equals("image/jpeg") ? ".jpg" : ".png";
        assertThat(hit.path("url").asText())
                .startsWith(server.getFileOrigin() + "/files/" + id + "/image" + extension + "?expires=");
        assertThat(hit.path("thumbnail").path("url").asText())
                .startsWith(server.getFileOrigin() + "/files/" + id + "/thumbnail.png?expires=");
        JsonNode m = hit.path("metadata");
        for (String field : List.of("aspectRatio", "baseModelId", "kind", "modelId", "modelType", "name",
                "negativePrompt", "parentJobId", "prompt", "scheduler", "seed", "text", "type")) {
            assertThat(m.has(field)).as(field).isTrue();
        }
        assertThat(m.path("seed").isTextual()).isTrue();
        for (String field : List.of("guidance", "negativePromptStrength", "numInferenceSteps", "height", "width", "size")) {
            assertThat(m.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(m.path("thumbnail").path("assetId").asText()).isEqualTo(hit.path("thumbnail").path("assetId").asText());
    }

    @Test
    void pagesExhaustivelyByPage() {
        ScenarioHttp.Reply first = http.search("{\"filter\": \"kind = image\", \"page\": 1, \"hitsPerPage\": 100}");
        long total = first.totalHits();
        assertThat(total).isBetween(2_500L, 3_000L);
        assertThat(first.json().path("totalPages").asLong()).isEqualTo((total + 99) / 100);
        assertThat(first.json().path("estimatedTotalHits").asLong()).isEqualTo(total);
        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        for (int page = 1; page <= first.json().path("totalPages").asInt(); page++) {
            ScenarioHttp.Reply r = http.search("{\"filter\": \"kind = image\", \"page\": " + page + ", \"hitsPerPage\": 100}");
            assertThat(r.json().path("page").asInt()).isEqualTo(page);
            assertThat(r.json().path("hitsPerPage").asInt()).isEqualTo(100);
            seen.addAll(r.ids());
            inOrder.addAll(r.ids());
        }
        assertThat(seen).hasSize((int) total);
        assertThat(inOrder).hasSize((int) total);
        ScenarioHttp.Reply beyond = http.search("{\"filter\": \"kind = image\", \"page\": 999, \"hitsPerPage\": 100}");
        assertThat(beyond.ids()).isEmpty();
        assertThat(beyond.totalHits()).isEqualTo(total);

        // offset style walks the same order
        ScenarioHttp.Reply slice = http.search("{\"filter\": \"kind = image\", \"offset\": 150, \"limit\": 30}");
        assertThat(slice.ids()).isEqualTo(inOrder.subList(150, 180));
        assertThat(slice.json().path("offset").asInt()).isEqualTo(150);
        assertThat(slice.json().path("limit").asInt()).isEqualTo(30);
        assertThat(slice.json().path("estimatedTotalHits").asLong()).isEqualTo(total);
        assertThat(slice.json().path("page").asInt()).isEqualTo(6);
    }

    @Test
    void defaultsToTwentyHitsAndPrefersPageOverOffset() {
        ScenarioHttp.Reply defaults = http.search("{\"query\": \"cat\"}");
        assertThat(defaults.ids()).hasSize(20);
        assertThat(defaults.json().path("limit").asInt()).isEqualTo(20);
        assertThat(defaults.json().path("offset").asInt()).isZero();

        ScenarioHttp.Reply both = http.search("{\"query\": \"cat\", \"page\": 2, \"hitsPerPage\": 5, \"offset\": 40, \"limit\": 3}");
        ScenarioHttp.Reply byOffset = http.search("{\"query\": \"cat\", \"offset\": 5, \"limit\": 5}");
        assertThat(both.ids()).isEqualTo(byOffset.ids());
        assertThat(both.json().path("offset").asInt()).isEqualTo(5);
    }

    @Test
    void capsPagingAtMaxTotalHits() {
        try (LocalScenarioServer capped = LocalScenarioServer.builder().assets(500).maxTotalHits(50).start()) {
            ScenarioHttp client = new ScenarioHttp(capped);
            ScenarioHttp.Reply r = client.search("{\"filter\": \"width > 0\", \"page\": 2, \"hitsPerPage\": 40}");
            assertThat(r.totalHits()).isEqualTo(50);
            assertThat(r.json().path("totalPages").asInt()).isEqualTo(2);
            assertThat(r.ids()).hasSize(10);
        }
    }

    @Test
    void findsTextMatchesOnlyAndRanksTheBestFirst() {
        ScenarioHttp.Reply r = http.search("{\"query\": \"dragon\", \"limit\": 100}");
        assertThat(r.totalHits()).isPositive();
        for (JsonNode hit : r.json().path("hits")) {
            String text = (hit.path("tags").toString() + hit.path("metadata").path("prompt").asText()
                           + hit.path("metadata").path("name").asText() + hit.path("description").asText()).toLowerCase();
            assertThat(text).contains("dragon");
        }
        JsonNode top = r.json().path("hits").get(0);
        assertThat(top.path("tags").toString()).contains("\"dragon\"");

        // every asset matching anything: the two-word query ranks assets with both words first
        ScenarioHttp.Reply both = http.search("{\"query\": \"red dragon forest\", \"limit\": 3}");
        for (JsonNode hit : both.json().path("hits")) {
            assertThat(hit.path("tags").toString()).contains("\"dragon\"", "\"red\"", "\"forest\"");
        }
        assertThat(http.search("{\"query\": \"dragn\"}").totalHits()).isEqualTo(r.totalHits());
        assertThat(http.search("{\"query\": \"zzqqxx\"}").totalHits()).isZero();
        assertThat(http.search("{\"query\": \"CAT\"}").totalHits()).isEqualTo(http.search("{\"query\": \"cat\"}").totalHits());
    }

    @Test
    void combinesQueryAndFilter() {
        ScenarioHttp.Reply r = http.search("{\"query\": \"forest\", \"filter\": \"tags = cat AND aspectRatio = \\\"1:1\\\"\", \"limit\": 100}");
        assertThat(r.ids()).isNotEmpty();
        for (JsonNode hit : r.json().path("hits")) {
            assertThat(hit.path("tags").toString()).contains("\"cat\"");
            assertThat(hit.path("metadata").path("aspectRatio").asText()).isEqualTo("1:1");
        }
    }

    @Test
    void findsAnAssetBySimilarityToItsIdAndToItsPicture() throws IOException {
        String id = http.search("{\"query\": \"whale\", \"limit\": 1}").ids().get(0);
        assertThat(http.search("{\"image\": \"" + id + "\", \"limit\": 5}").ids().get(0)).isEqualTo(id);
        assertThat(http.search("{\"images\": {\"like\": [\"" + id + "\"]}, \"limit\": 5}").ids().get(0)).isEqualTo(id);

        byte[] png = http.get(server.imageUrl(id)).raw().body();
        String pngUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        assertThat(http.search("{\"image\": \"" + pngUrl + "\", \"limit\": 5}").ids().get(0)).isEqualTo(id);

        byte[] thumbnail = http.get(server.thumbnailUrl(id)).raw().body();
        String thumbUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(thumbnail);
        assertThat(http.search("{\"image\": \"" + thumbUrl + "\", \"limit\": 5}").ids().get(0)).isEqualTo(id);

        String jpegUrl = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(toJpeg(png));
        assertThat(http.search("{\"image\": \"" + jpegUrl + "\", \"limit\": 5}").ids()).contains(id);
    }

    @Test
    void pushesUnlikedPicturesDown() {
        List<String> ids = http.search("{\"query\": \"owl\", \"limit\": 2}").ids();
        String liked = ids.get(0);
        String unliked = ids.get(1);
        List<String> ranked = http.search("{\"images\": {\"like\": [\"" + liked + "\"], \"unlike\": [\"" + unliked
                                          + "\"]}, \"limit\": 100}").ids();
        assertThat(ranked.get(0)).isEqualTo(liked);
        List<String> onlyUnlike = http.search("{\"images\": {\"unlike\": [\"" + unliked + "\"]}, \"limit\": 100}").ids();
        assertThat(onlyUnlike).doesNotContain(unliked);
    }

    @Test
    void blendsTextAndImageScoresByRatio() {
        String id = http.search("{\"query\": \"tiger\", \"limit\": 1}").ids().get(0);
        ScenarioHttp.Reply imageOnly = http.search("{\"query\": \"tiger\", \"image\": \"" + id + "\", \"limit\": 1}");
        assertThat(imageOnly.ids()).containsExactly(id);
        ScenarioHttp.Reply textOnly = http.search("{\"query\": \"tiger\", \"image\": \"" + id
                                                  + "\", \"imageSemanticRatio\": 0, \"limit\": 100}");
        assertThat(textOnly.totalHits()).isEqualTo(imageOnly.totalHits());
        assertThat(textOnly.ids()).isEqualTo(http.search("{\"query\": \"tiger\", \"limit\": 100}").ids());
    }

    @Test
    void rejectsUnknownAssetIdsAndUndecodablePictures() {
        ScenarioHttp.Reply unknown = http.search("{\"image\": \"asset_doesNotExist\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(unknown.message()).contains("asset_doesNotExist");

        byte[] webp = "RIFF\0\0\0\0WEBPVP8 rest-of-picture".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ScenarioHttp.Reply r = http.search("{\"image\": \"data:image/webp;base64," + Base64.getEncoder().encodeToString(webp) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("WebP");

        ScenarioHttp.Reply garbage = http.search("{\"image\": \"data:image/png;base64,AAAA\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.message()).contains("Cannot decode");
    }

    @Test
    void sortsByAttributesThenRelevanceThenId() {
        List<String> created = new ArrayList<>();
        http.search("{\"filter\": \"tags = fox\", \"sortBy\": [\"createdAt:desc\"], \"limit\": 100}").json().path("hits")
                .forEach(h -> created.add(h.path("createdAt").asText()));
        assertThat(created).hasSizeGreaterThan(10).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<Double> scores = new ArrayList<>();
        http.search("{\"query\": \"fox\", \"sortBy\": [\"score:desc\"], \"limit\": 100}").json().path("hits")
                .forEach(h -> scores.add(h.path("score").asDouble()));
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode hits = http.search("{\"filter\": \"tags = fox\", \"sortBy\": [\"width:asc\", \"height:desc\"], \"limit\": 100}")
                .json().path("hits");
        for (int i = 1; i < hits.size(); i++) {
            JsonNode a = hits.get(i - 1).path("metadata");
            JsonNode b = hits.get(i).path("metadata");
            assertThat(a.path("width").asInt()).isLessThanOrEqualTo(b.path("width").asInt());
            if (a.path("width").asInt() == b.path("width").asInt()) {
                assertThat(a.path("height").asInt()).isGreaterThanOrEqualTo(b.path("height").asInt());
            }
        }
        // without sortBy and query, ties are broken by id: ascending ids
        assertThat(http.search("{\"filter\": \"tags = fox\", \"limit\": 100}").ids()).isSorted();
    }

    @Test
    void scopesByProjectAndOriginalAssets() {
        JsonNode hit = http.search("{\"query\": \"cat\", \"limit\": 1}").json().path("hits").get(0);
        String team = hit.path("teamId").asText();
        ScenarioHttp.Reply scoped = http.search("{\"query\": \"cat\", \"limit\": 100}", "?projectId=" + team);
        assertThat(scoped.ids()).isNotEmpty();
        scoped.json().path("hits").forEach(h -> assertThat(h.path("teamId").asText()).isEqualTo(team));

        ScenarioHttp.Reply withPublic = http.search("{\"query\": \"cat\", \"public\": true, \"limit\": 100}", "?projectId=" + team);
        assertThat(withPublic.totalHits()).isGreaterThan(scoped.totalHits());
        withPublic.json().path("hits").forEach(h -> assertThat(
                h.path("teamId").asText().equals(team) || h.path("privacy").asText().equals("public")).isTrue());

        ScenarioHttp.Reply originals = http.search("{\"filter\": \"width > 0\", \"limit\": 100}", "?originalAssets=true");
        assertThat(originals.totalHits()).isLessThan(http.search("{\"filter\": \"width > 0\"}").totalHits());
        originals.json().path("hits").forEach(h -> assertThat(h.path("metadata").path("type").asText())
                .isNotIn("upscale", "background-removal"));
    }

    @Test
    void servesPicturesInTheFormatOfTheirMimeType() throws IOException {
        for (String mimeType : List.of("image/png", "image/jpeg")) {
            JsonNode hit = http.search("{\"filter\": \"mimeType = \\\"" + mimeType + "\\\"\", \"limit\": 1}").json()
                    .path("hits").get(0);
            ScenarioHttp.Reply image = http.get(hit.path("url").asText());
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.raw().headers().firstValue("Content-Type")).hasValue(mimeType);
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.raw().body()));
            assertThat(picture.getWidth()).isEqualTo(64);
            ScenarioHttp.Reply thumbnail = http.get(hit.path("thumbnail").path("url").asText());
            assertThat(thumbnail.raw().headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.raw().body())).getWidth()).isEqualTo(32);
        }
        assertThat(http.get(server.imageUrl("asset_nope")).status()).isEqualTo(404);
    }

    @Test
    void servesOneAssetWithAuth() {
        String id = http.search("{\"query\": \"wolf\", \"limit\": 1}").ids().get(0);
        assertThat(http.get(server.getBaseUrl() + "/assets/" + id).status()).isEqualTo(401);
        ScenarioHttp.Reply one = http.getWithAuth(server.getBaseUrl() + "/assets/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("asset").path("id").asText()).isEqualTo(id);
        assertThat(http.getWithAuth(server.getBaseUrl() + "/assets/asset_nope").status()).isEqualTo(404);
    }

    private static byte[] toJpeg(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
