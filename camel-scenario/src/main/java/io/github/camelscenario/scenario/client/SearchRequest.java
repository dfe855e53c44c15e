package io.github.camelscenario.scenario.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A search: the JSON body of {@code POST /search/assets} plus its two query parameters ({@code projectId},
 * {@code originalAssets}). Only fields that are set are sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SearchRequest {

    private String query;
    private String filter;
    private String image;
    private ImageReferences images;
    private Double imageSemanticRatio;
    private Double querySemanticRatio;
    private Integer hitsPerPage;
    private Integer page;
    private Integer offset;
    private Integer limit;
    private Boolean publicAssets;
    private List<String> sortBy;
    private String projectId;
    private Boolean originalAssets;

    /** A field-by-field copy, so paging can change {@code page} without touching the caller's request. */
    public SearchRequest copy() {
        SearchRequest c = new SearchRequest();
        c.query = query;
        c.filter = filter;
        c.image = image;
        c.images = images == null ? null : images.copy();
        c.imageSemanticRatio = imageSemanticRatio;
        c.querySemanticRatio = querySemanticRatio;
        c.hitsPerPage = hitsPerPage;
        c.page = page;
        c.offset = offset;
        c.limit = limit;
        c.publicAssets = publicAssets;
        c.sortBy = sortBy == null ? null : new ArrayList<>(sortBy);
        c.projectId = projectId;
        c.originalAssets = originalAssets;
        return c;
    }

    public String getQuery() {
        return query;
    }

    public SearchRequest setQuery(String query) {
        this.query = query;
        return this;
    }

    public String getFilter() {
        return filter;
    }

    public SearchRequest setFilter(String filter) {
        this.filter = filter;
        return this;
    }

    /** Reference image for similar-image search: an asset id or a {@code data:} URL. */
    public String getImage() {
        return image;
    }

    public SearchRequest setImage(String image) {
        this.image = image;
        return this;
    }

    @JsonIgnore
    public ImageReferences getImages() {
        return images;
    }

    /** What is sent: no {@code images} at all rather than an empty object. */
    @JsonProperty("images")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    ImageReferences imagesForJson() {
        return images == null || images.isEmpty() ? null : images;
    }

    @JsonProperty("images")
    public SearchRequest setImages(ImageReferences images) {
        this.images = images;
        return this;
    }

    public Double getImageSemanticRatio() {
        return imageSemanticRatio;
    }

    public SearchRequest setImageSemanticRatio(Double imageSemanticRatio) {
        this.imageSemanticRatio = imageSemanticRatio;
        return this;
    }

    public Double getQuerySemanticRatio() {
        return querySemanticRatio;
    }

    public SearchRequest setQuerySemanticRatio(Double querySemanticRatio) {
        this.querySemanticRatio = querySemanticRatio;
        return this;
    }

    public Integer getHitsPerPage() {
        return hitsPerPage;
    }

    public SearchRequest setHitsPerPage(Integer hitsPerPage) {
        this.hitsPerPage = hitsPerPage;
        return this;
    }

    public Integer getPage() {
        return page;
    }

    public SearchRequest setPage(Integer page) {
        this.page = page;
        return this;
    }

    public Integer getOffset() {
        return offset;
    }

    public SearchRequest setOffset(Integer offset) {
        this.offset = offset;
        return this;
    }

    public Integer getLimit() {
        return limit;
    }

    public SearchRequest setLimit(Integer limit) {
        this.limit = limit;
        return this;
    }

    /** The API's {@code public} flag: also search assets other users made public. */
    @JsonProperty("public")
    public Boolean getPublicAssets() {
        return publicAssets;
    }

    @JsonProperty("public")
    public SearchRequest setPublicAssets(Boolean publicAssets) {
        this.publicAssets = publicAssets;
        return this;
    }

    public List<String> getSortBy() {
        return sortBy;
    }

    public SearchRequest setSortBy(List<String> sortBy) {
        this.sortBy = sortBy;
        return this;
    }

    /** Query parameter, not part of the body (read from a JSON request, never written into one). */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public String getProjectId() {
        return projectId;
    }

    public SearchRequest setProjectId(String projectId) {
        this.projectId = projectId;
        return this;
    }

    /** Query parameter, not part of the body (read from a JSON request, never written into one). */
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    public Boolean getOriginalAssets() {
        return originalAssets;
    }

    public SearchRequest setOriginalAssets(Boolean originalAssets) {
        this.originalAssets = originalAssets;
        return this;
    }

    @Override
    public String toString() {
        // data URLs can be megabytes long: never put them in logs whole
        return "SearchRequest[query=" + query + ", filter=" + filter + ", image=" + ImageReferences.abbreviate(image)
               + ", images=" + images + ", page=" + page + ", hitsPerPage=" + hitsPerPage + "]";
    }
}
