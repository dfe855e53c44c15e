package io.github.camelscenario.scenario.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An asset's thumbnail: its own asset id and, on a hit, a signed URL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Thumbnail extends ExtensibleJson {

    private String assetId;
    private String url;

    public String getAssetId() {
        return assetId;
    }

    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
