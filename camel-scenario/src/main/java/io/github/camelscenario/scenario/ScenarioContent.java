package io.github.camelscenario.scenario;

import io.github.camelscenario.scenario.client.AssetFile;

/** What an exchange's body carries: the hit itself, or the asset's file or thumbnail (option {@code content}). */
public enum ScenarioContent {
    /** The hit ({@code Asset}): nothing is downloaded. */
    none,
    /** The asset's file, from its {@code url}. */
    file,
    /** The asset's thumbnail, from its {@code thumbnail.url}. */
    thumbnail;

    /** The file to download, {@code null} for {@link #none}. */
    AssetFile assetFile() {
        return switch (this) {
            case none -> null;
            case file -> AssetFile.FILE;
            case thumbnail -> AssetFile.THUMBNAIL;
        };
    }

    /** The value in force: the option when set, else the operation's default (search none, download file). */
    static ScenarioContent of(ScenarioConfiguration configuration, ScenarioOperation operation) {
        if (configuration.getContent() != null) {
            return configuration.getContent();
        }
        return operation == ScenarioOperation.download ? file : none;
    }
}
