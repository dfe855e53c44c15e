package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Reads a search page's {@code hits} and refuses, naming what is wrong, every shape that is not an array of objects:
 * missing, null, another type, or a hit that is not an object. Without it a 200 answer of another shape (a proxy's
 * {@code {"items": [...]}}) would read as a page with no hits: a silent "no results".
 */
final class SearchPageHits extends JsonDeserializer<List<Asset>> {

    static final String SHAPE = "a search page is a JSON object whose `hits` is an array of objects";

    @Override
    public List<Asset> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            return ctxt.reportInputMismatch(List.class, "`hits` is " + describe(p.currentToken()) + ", not an array; "
                                                        + SHAPE);
        }
        List<Asset> hits = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(Asset.class, "`hits[" + hits.size() + "]` is " + describe(t)
                                                             + ", not an object; " + SHAPE);
            }
            hits.add(ctxt.readValue(p, Asset.class));
        }
        return hits;
    }

    @Override
    public List<Asset> getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return ctxt.reportInputMismatch(List.class, "`hits` is null, not an array; " + SHAPE);
    }

    /** Called for a page without {@code hits} (a creator property that is absent). */
    @Override
    public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
        return ctxt.reportInputMismatch(List.class, "there is no `hits`; " + SHAPE);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "missing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
