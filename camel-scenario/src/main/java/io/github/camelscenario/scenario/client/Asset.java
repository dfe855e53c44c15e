package io.github.camelscenario.scenario.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One search hit: a Scenario asset. Every field may be absent ({@code null}); fields the API adds later are kept in
 * {@link #getAdditionalProperties()} and written back when the asset is serialised.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Asset extends ExtensibleJson {

    private String id;
    private String authorId;
    private String ownerId;
    private String teamId;
    private List<String> collectionIds;
    private String createdAt;
    private String updatedAt;
    private String mimeType;
    private String privacy;
    private String url;
    private String description;
    private String transcription;
    private String content;
    private List<String> nsfw;
    private List<String> tags;
    private Double score;
    private Thumbnail thumbnail;
    private AssetMetadata metadata;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    public String getTeamId() {
        return teamId;
    }

    public void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    public List<String> getCollectionIds() {
        return collectionIds;
    }

    public void setCollectionIds(List<String> collectionIds) {
        this.collectionIds = collectionIds;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getMimeType() {
        return mimeType;
    }

    public void setMimeType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String getPrivacy() {
        return privacy;
    }

    public void setPrivacy(String privacy) {
        this.privacy = privacy;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTranscription() {
        return transcription;
    }

    public void setTranscription(String transcription) {
        this.transcription = transcription;
    }

    /** Indexed text of a text asset (a newer, optional field). */
    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public List<String> getNsfw() {
        return nsfw;
    }

    public void setNsfw(List<String> nsfw) {
        this.nsfw = nsfw;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /** Popularity score. */
    public Double getScore() {
        return score;
    }

    public void setScore(Double score) {
        this.score = score;
    }

    public Thumbnail getThumbnail() {
        return thumbnail;
    }

    public void setThumbnail(Thumbnail thumbnail) {
        this.thumbnail = thumbnail;
    }

    public AssetMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(AssetMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public String toString() {
        return "Asset[id=" + id + ", mimeType=" + mimeType + "]";
    }
}
