package io.github.camelscenario.scenario.client;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every response object: the API may add fields at any time, so unknown ones are kept here (and written back
 * on serialisation) instead of failing or being dropped.
 */
public abstract class ExtensibleJson {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Fields this client does not model, by JSON name, as Jackson read them (maps, lists, strings, numbers). */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
