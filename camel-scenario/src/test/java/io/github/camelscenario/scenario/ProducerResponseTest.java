package io.github.camelscenario.scenario;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.AssetMetadata;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** What the producer answers: typed hits with every contract field, unknown fields kept, paging headers. */
class ProducerResponseTest extends WireMockTestSupport {

    private static String fullPage() throws Exception {
        try (InputStream in = ProducerResponseTest.class.getResourceAsStream("/full-asset-page.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyContractFieldIsMapped() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(fullPage())));
        List<Asset> hits = template.requestBody("scenario:search?query=dragon", null, List.class);

        assertThat(hits).hasSize(2);
        Asset a = hits.get(0);
        assertThat(a.getId()).isEqualTo("asset_AbC123");
        assertThat(a.getAuthorId()).isEqualTo("user_1");
        assertThat(a.getOwnerId()).isEqualTo("user_2");
        assertThat(a.getTeamId()).isEqualTo("team_3");
        assertThat(a.getCollectionIds()).containsExactly("col_1", "col_2");
        assertThat(a.getCreatedAt()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(a.getUpdatedAt()).isEqualTo("2024-05-02T11:30:00.000Z");
        assertThat(a.getMimeType()).isEqualTo("image/png");
        assertThat(a.getPrivacy()).isEqualTo("unlisted");
        assertThat(a.getUrl()).isEqualTo("https://cdn.example/asset_AbC123.png?sig=1");
        assertThat(a.getDescription()).isEqualTo("A red dragon over a misty forest");
        assertThat(a.getTranscription()).isEqualTo("none");
        assertThat(a.getContent()).isEqualTo("indexed text");
        assertThat(a.getNsfw()).containsExactly("none");
        assertThat(a.getTags()).containsExactly("dragon", "forest");
        assertThat(a.getScore()).isEqualTo(0.87);
        assertThat(a.getThumbnail().getAssetId()).isEqualTo("asset_Thumb1");
        assertThat(a.getThumbnail().getUrl()).isEqualTo("https://cdn.example/thumb.png");

        AssetMetadata m = a.getMetadata();
        assertThat(m.getAspectRatio()).isEqualTo("16:9");
        assertThat(m.getBaseModelId()).isEqualTo("model_base");
        assertThat(m.getKind()).isEqualTo("image");
        assertThat(m.getModelId()).isEqualTo("model_9");
        assertThat(m.getModelType()).isEqualTo("sd-xl");
        assertThat(m.getName()).isEqualTo("Dragon #1");
        assertThat(m.getNegativePrompt()).isEqualTo("blurry");
        assertThat(m.getParentJobId()).isEqualTo("job_7");
        assertThat(m.getPrompt()).isEqualTo("a red dragon, misty forest");
        assertThat(m.getScheduler()).isEqualTo("EulerAncestral");
        assertThat(m.getSeed()).isEqualTo("1234567890123456789");
        assertThat(m.getText()).isEqualTo("dragon");
        assertThat(m.getType()).isEqualTo("inference-txt2img");
        assertThat(m.getGuidance()).isEqualTo(7.5);
        assertThat(m.getNegativePromptStrength()).isEqualTo(0.8);
        assertThat(m.getNumInferenceSteps()).isEqualTo(30);
        assertThat(m.getHeight()).isEqualTo(576);
        assertThat(m.getWidth()).isEqualTo(1024);
        assertThat(m.getSize()).isEqualTo(123456L);
        assertThat(m.getThumbnail().getAssetId()).isEqualTo("asset_Thumb2");

        Asset sparse = hits.get(1);
        assertThat(sparse.getId()).isEqualTo("asset_sparse");
        assertThat(sparse.getMetadata()).isNull();
        assertThat(sparse.getTags()).isNull();
    }

    @Test
    void unknownFieldsAreKeptAtEveryLevel() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(fullPage())));
        List<Asset> hits = template.requestBody("scenario:search?query=dragon", null, List.class);
        Asset a = hits.get(0);
        assertThat(a.getAdditionalProperties()).containsEntry("brandNewField", List.of("kept", 1));
        assertThat(a.getMetadata().getAdditionalProperties()).containsEntry("lora", Map.of("scale", 0.5));
        assertThat(a.getThumbnail().getAdditionalProperties()).containsEntry("width", 128);
    }

    @Test
    void assetConvertsToJsonWithNothingLost() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(fullPage())));
        List<Asset> hits = template.requestBody("scenario:search?query=dragon", null, List.class);
        String json = context.getTypeConverter().mandatoryConvertTo(String.class, hits.get(0));
        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, hits.get(0));
        InputStream stream = context.getTypeConverter().mandatoryConvertTo(InputStream.class, hits.get(0));

        JsonNode original = JSON.readTree(fullPage()).at("/hits/0");
        assertThat(JSON.readTree(json)).isEqualTo(original);
        assertThat(JSON.readTree(bytes)).isEqualTo(original);
        assertThat(JSON.readTree(stream)).isEqualTo(original);
    }

    @Test
    void pagingTotalsBecomeHeaders() throws Exception {
        wireMock.stubFor(search().willReturn(okJson(fullPage())));
        Exchange out = template.request("scenario:search?query=dragon&hitsPerPage=2", e -> {
        });
        assertThat(out.getMessage().getHeaders())
                .containsEntry(ScenarioConstants.TOTAL_HITS, 41L)
                .containsEntry(ScenarioConstants.TOTAL_PAGES, 21)
                .containsEntry(ScenarioConstants.ESTIMATED_TOTAL_HITS, 40L)
                .containsEntry(ScenarioConstants.RESULT_PAGE, 1)
                .containsEntry(ScenarioConstants.RESULT_HITS_PER_PAGE, 2)
                // answers never use the names of the inputs
                .doesNotContainKeys(ScenarioConstants.PAGE, ScenarioConstants.HITS_PER_PAGE);
    }

    @Test
    void staleTotalsFromAnEarlierSearchAreRemoved() {
        wireMock.stubFor(search().willReturn(okJson("{\"hits\":[],\"estimatedTotalHits\":0,\"offset\":0,\"limit\":20}")));
        Exchange out = template.request("scenario:search?query=none", e -> {
            e.getMessage().setHeader(ScenarioConstants.TOTAL_HITS, 99L);
            e.getMessage().setHeader(ScenarioConstants.TOTAL_PAGES, 9);
        });
        assertThat(out.getMessage().getHeaders())
                .doesNotContainKeys(ScenarioConstants.TOTAL_HITS, ScenarioConstants.TOTAL_PAGES)
                .containsEntry(ScenarioConstants.ESTIMATED_TOTAL_HITS, 0L);
        assertThat(out.getMessage().getBody(List.class)).isEmpty();
    }
}
