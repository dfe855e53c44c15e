package io.github.camelscenario.scenario.client;

/** Which file of an asset to download. */
public enum AssetFile {
    /** The asset's own file, at its {@code url}. */
    FILE,
    /** Its thumbnail, at {@code thumbnail.url}. */
    THUMBNAIL;

    /** The hit's field holding this file's URL, for messages. */
    String urlField() {
        return this == FILE ? "url" : "thumbnail.url";
    }

    /** What this file is, for messages: "the file" or "the thumbnail". */
    String describe() {
        return this == FILE ? "the file" : "the thumbnail";
    }
}
