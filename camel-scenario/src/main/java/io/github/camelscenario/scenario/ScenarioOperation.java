package io.github.camelscenario.scenario;

/** What a {@code scenario:} endpoint does: the URI path. More operations can join without breaking URIs. */
public enum ScenarioOperation {
    /** Search assets: {@code POST /search/assets}. */
    search,
    /** Download an asset's file or thumbnail (producer only): the body becomes the file as a stream. */
    download
}
