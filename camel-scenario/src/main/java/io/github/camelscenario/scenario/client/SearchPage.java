package io.github.camelscenario.scenario.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** One page of search results, with both paging styles the engine reports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SearchPage extends ExtensibleJson {

    private List<Asset> hits = new ArrayList<>();
    private Integer limit;
    private Integer offset;
    private Long estimatedTotalHits;
    private Integer hitsPerPage;
    private Integer page;
    private Long totalHits;
    private Integer totalPages;

    public SearchPage() {
    }

    /** How answers are read: {@code hits} must be there, an array of objects ({@link SearchPageHits} says why not). */
    @JsonCreator
    SearchPage(@JsonProperty("hits") @JsonDeserialize(using = SearchPageHits.class) List<Asset> hits) {
        setHits(hits);
    }

    public List<Asset> getHits() {
        return hits;
    }

    public void setHits(List<Asset> hits) {
        this.hits = hits == null ? new ArrayList<>() : hits;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public Long getEstimatedTotalHits() {
        return estimatedTotalHits;
    }

    public void setEstimatedTotalHits(Long estimatedTotalHits) {
        this.estimatedTotalHits = estimatedTotalHits;
    }

    public Integer getHitsPerPage() {
        return hitsPerPage;
    }

    public void setHitsPerPage(Integer hitsPerPage) {
        this.hitsPerPage = hitsPerPage;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Long getTotalHits() {
        return totalHits;
    }

    public void setTotalHits(Long totalHits) {
        this.totalHits = totalHits;
    }

    public Integer getTotalPages() {
        return totalPages;
    }

    public void setTotalPages(Integer totalPages) {
        this.totalPages = totalPages;
    }

    @Override
    public String toString() {
        return "SearchPage[page=" + page + ", hits=" + hits.size() + ", totalHits=" + totalHits + ", totalPages="
               + totalPages + "]";
    }
}
