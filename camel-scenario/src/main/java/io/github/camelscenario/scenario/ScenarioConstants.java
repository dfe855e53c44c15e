package io.github.camelscenario.scenario;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * Header names of the Scenario component. Input headers override the endpoint option of the same name; output headers
 * have names no search reads, so an exchange passing through two Scenario endpoints is not steered by the first answer.
 * Only scenario:download reads an answer header, CamelScenarioAsset or CamelScenarioAssetId, and only when its body is
 * empty: it then downloads the asset they name.
 */
public final class ScenarioConstants {

    public static final String SCHEME = "scenario";

    // input headers, one per search field
    @Metadata(label = "producer", description = "Full-text query; overrides the query option.", javaType = "String")
    public static final String QUERY = "CamelScenarioQuery";
    @Metadata(label = "producer", description = "Filter expression, e.g. tags = cat AND aspectRatio = \"16:9\"; overrides the filter option.",
              javaType = "String")
    public static final String FILTER = "CamelScenarioFilter";
    @Metadata(label = "producer", description = "Reference image for similar-image search: an asset id or a data URL.",
              javaType = "String")
    public static final String IMAGE = "CamelScenarioImage";
    @Metadata(label = "producer",
              description = "Images results should look like: a comma-separated String of asset ids, or a Collection of "
                            + "asset ids or data URLs (never split).",
              javaType = "java.util.Collection<String>")
    public static final String IMAGES_LIKE = "CamelScenarioImagesLike";
    @Metadata(label = "producer",
              description = "Images results should not look like: a comma-separated String of asset ids, or a Collection "
                            + "of asset ids or data URLs (never split).",
              javaType = "java.util.Collection<String>")
    public static final String IMAGES_UNLIKE = "CamelScenarioImagesUnlike";
    @Metadata(label = "producer", description = "Image embedding ratio for hybrid search, 0 to 1.", javaType = "Double")
    public static final String IMAGE_SEMANTIC_RATIO = "CamelScenarioImageSemanticRatio";
    @Metadata(label = "producer", description = "Semantic ratio for hybrid text search, 0 (keywords only) to 1.",
              javaType = "Double")
    public static final String QUERY_SEMANTIC_RATIO = "CamelScenarioQuerySemanticRatio";
    @Metadata(label = "producer", description = "Sort order: comma-separated attribute:asc or attribute:desc entries, e.g. createdAt:desc.",
              javaType = "String")
    public static final String SORT_BY = "CamelScenarioSortBy";
    @Metadata(label = "producer", description = "Also search assets made public by anyone (the API's public field).",
              javaType = "Boolean")
    public static final String PUBLIC_ASSETS = "CamelScenarioPublicAssets";
    @Metadata(label = "producer", description = "Project to search in (query parameter).", javaType = "String")
    public static final String PROJECT_ID = "CamelScenarioProjectId";
    @Metadata(label = "producer", description = "Search original assets only (query parameter).", javaType = "Boolean")
    public static final String ORIGINAL_ASSETS = "CamelScenarioOriginalAssets";

    @Metadata(label = "producer", description = "Page to fetch, 1-based; overrides the page option. Only ever read: "
                                                + "what a search answered goes to CamelScenarioResultPage.",
              javaType = "Integer")
    public static final String PAGE = "CamelScenarioPage";
    @Metadata(label = "producer", description = "Hits per page, 1 to 100; overrides the hitsPerPage option. Only ever "
                                                + "read: what a search answered goes to CamelScenarioResultHitsPerPage.",
              javaType = "Integer")
    public static final String HITS_PER_PAGE = "CamelScenarioHitsPerPage";

    // output headers
    @Metadata(description = "Exact number of hits of the search (page paging).", javaType = "Long")
    public static final String TOTAL_HITS = "CamelScenarioTotalHits";
    @Metadata(label = "producer", description = "Number of pages of the search.", javaType = "Integer")
    public static final String TOTAL_PAGES = "CamelScenarioTotalPages";
    @Metadata(label = "producer", description = "Estimated number of hits (offset/limit paging).", javaType = "Long")
    public static final String ESTIMATED_TOTAL_HITS = "CamelScenarioEstimatedTotalHits";
    // answers use their own names, so that a result never steers a later Scenario step
    @Metadata(description = "The page answered (producer) or the page a hit came from (consumer), 1-based. Never read "
                            + "as an input.",
              javaType = "Integer")
    public static final String RESULT_PAGE = "CamelScenarioResultPage";
    @Metadata(label = "producer", description = "The page size the API answered with. Never read as an input.",
              javaType = "Integer")
    public static final String RESULT_HITS_PER_PAGE = "CamelScenarioResultHitsPerPage";
    @Metadata(description = "Id of the asset in the body (consumer, download). The download operation reads it when "
                            + "the body is empty.",
              javaType = "String")
    public static final String ASSET_ID = "CamelScenarioAssetId";
    @Metadata(description = "The hit whose file or thumbnail is in the body: set by the download operation and by the "
                            + "consumer with content file or thumbnail; the download operation reads it when the body is "
                            + "empty.",
              javaType = "io.github.camelscenario.scenario.client.Asset")
    public static final String ASSET = "CamelScenarioAsset";
    @Metadata(description = "Type of the file in the body (download, consumer with content): the file host's, unless "
                            + "missing or generic, else the asset's mimeType.",
              javaType = "String")
    public static final String CONTENT_TYPE = Exchange.CONTENT_TYPE;
    @Metadata(description = "File name for the file in the body (download, consumer with content): the asset id and an "
                            + "extension from the type, e.g. asset_1.png, for to(file:...).",
              javaType = "String")
    public static final String FILE_NAME = Exchange.FILE_NAME;

    private ScenarioConstants() {
    }
}
