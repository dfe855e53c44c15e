package io.github.camelscenario.scenario;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.DataUrls;
import io.github.camelscenario.scenario.client.Paging;
import io.github.camelscenario.scenario.client.SearchRequest;
import io.github.camelscenario.scenario.client.SearchRequestValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Turns an exchange into a search: endpoint options are the defaults, the body overrides them, headers override
 * both. Every value is checked before anything is sent, and an error names where the bad value came from.
 */
final class SearchRequestBinding {

    static final String WHAT_A_BODY_MAY_BE = "use a SearchRequest, a Map or JSON object, a String query, a "
                                             + "PNG/JPEG/GIF/WebP image (byte[], InputStream, File, Path or a file "
                                             + "endpoint's body), or a hit (Asset) or List of hits to find assets like "
                                             + "them";

    /** Largest body read: a JSON request or an image that still fits the API's ~10 MB request cap. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final ObjectMapper requestMapper;
    /** The endpoint options as a request, converted and checked once: every exchange starts from a copy. */
    private final SearchRequest options = new SearchRequest();
    private final Origins optionOrigins = new Origins();

    /**
     * @throws IllegalArgumentException when an option value can never be valid, naming the option, value and rule
     */
    SearchRequestBinding(ScenarioConfiguration configuration) {
        // a request must only hold fields the API defines: an unknown key is a mistake, not something to drop
        this.requestMapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (SearchField<?> field : SearchField.ALL) {
            Object value = field.optionValue(configuration);
            if (value != null) {
                setConverted(options, field, value, null, optionOrigins, "option '" + field.name() + "'");
            }
        }
        new SearchRequestValidator(optionOrigins::describe).validateValues(options);
    }

    /** The request the endpoint options alone describe, checked value by value (a body or header may add the rest). */
    SearchRequest fromOptions() {
        return options.copy();
    }

    /**
     * The search of a consumer, which has no body or headers: the options must make a complete search on their own.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    SearchRequest consumerSearch() {
        SearchRequest search = fromOptions();
        try {
            new SearchRequestValidator(field -> "option '" + field + "'").validate(
                    Paging.pageRequest(search, Paging.firstPage(search), Paging.crawlStep(search)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The scenario consumer searches with its endpoint options only (it has no body or headers): "
                                               + e.getMessage());
        }
        return search;
    }

    /** The request for this exchange, complete and validated. */
    SearchRequest toRequest(Exchange exchange) {
        Origins origins = optionOrigins.copy();
        SearchRequest request = options.copy();
        SearchRequest fromBody = fromBody(exchange);
        if (fromBody != null) {
            String bodyOrigin = hitsOrigin(exchange.getMessage().getBody());
            for (SearchField<?> field : SearchField.ALL) {
                copy(field, fromBody, request, origins, bodyOrigin);
            }
            request.setOffset(fromBody.getOffset());
            request.setLimit(fromBody.getLimit());
        }
        Message in = exchange.getMessage();
        for (SearchField<?> field : SearchField.ALL) {
            Object value = in.getHeader(field.header());
            if (value != null && !(value instanceof String s && s.isBlank())) {
                setConverted(request, field, value, exchange, origins, "header " + field.header());
            }
        }
        if (request.getHitsPerPage() != null && request.getPage() == null) {
            // the API wants hitsPerPage with page: a page size alone means its first page
            request.setPage(1);
        }
        String emptyBody = fromBody == null ? describeEmpty(exchange.getMessage().getBody()) : null;
        if (emptyBody != null && !SearchRequestValidator.hasSearchTerms(request)) {
            throw new IllegalArgumentException("Nothing to search for: the body is " + emptyBody + ", and no option or "
                                               + "header sets query, filter, image, imagesLike or imagesUnlike; "
                                               + WHAT_A_BODY_MAY_BE);
        }
        new SearchRequestValidator(origins::describe).validate(request);
        return request;
    }

    /** What an empty body was (fromBody gives no request for null or an empty body), or {@code null} for none. */
    private static String describeEmpty(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s.isEmpty() ? "an empty String" : "a String of whitespace only";
        }
        if (body instanceof WrappedFile<?> wrapped) {
            return "an empty file " + wrapped.getFile();
        }
        if (body instanceof File || body instanceof Path) {
            return "an empty file " + body;
        }
        return "an empty " + (body instanceof byte[] ? "byte[]" : body instanceof InputStream ? "InputStream" : "Map");
    }

    /** How errors name what a hit body set, or {@code null} for a body that is a request. */
    private static String hitsOrigin(Object body) {
        return body instanceof Asset ? HitBodies.HIT_ORIGIN : body instanceof Collection ? HitBodies.HITS_ORIGIN : null;
    }

    private static <T> void copy(
            SearchField<T> field, SearchRequest from, SearchRequest to, Origins origins, String bodyOrigin) {
        T value = field.get(from);
        if (value != null) {
            field.set(to, value);
            origins.put(field.name(), bodyOrigin != null ? bodyOrigin : "body field '" + field.name() + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void setConverted(
            SearchRequest request, SearchField<T> field, Object value, Exchange exchange, Origins origins,
            String origin) {
        T converted;
        if (field.isList()) {
            List<String> list = SearchField.toList(value);
            if (list.isEmpty()) {
                return;
            }
            converted = (T) list;
        } else if (field.type().isInstance(value)) {
            converted = field.type().cast(value);
        } else {
            try {
                converted = exchange != null
                        ? exchange.getContext().getTypeConverter().mandatoryConvertTo(field.type(), exchange, value)
                        : null;
            } catch (Exception e) {
                converted = null;
            }
            if (converted == null) {
                throw new IllegalArgumentException("Invalid " + origin + " = '" + value + "': must be a "
                                                   + field.type().getSimpleName());
            }
        }
        field.set(request, converted);
        origins.put(field.name(), origin);
    }

    private SearchRequest fromBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof SearchRequest r) {
            return r;
        }
        if (body instanceof Asset hit) {
            return HitBodies.fromHit(hit);
        }
        if (body instanceof Collection<?> hits && HitBodies.isHits(hits)) {
            return HitBodies.fromHits(hits);
        }
        if (body instanceof Map<?, ?> map) {
            return map.isEmpty() ? null : fromMap(map);
        }
        if (body instanceof String s) {
            return fromText(s);
        }
        if (body instanceof byte[] bytes) {
            return fromBytes(bytes, "byte[]");
        }
        if (body instanceof InputStream in) {
            return fromBytes(readBounded(in), "InputStream");
        }
        if (body instanceof File file) {
            return fromBytes(readFile(file.toPath()), "File " + file);
        }
        if (body instanceof Path path) {
            return fromBytes(readFile(path), "Path " + path);
        }
        if (body instanceof WrappedFile<?> wrapped) {
            return fromWrappedFile(exchange, wrapped);
        }
        throw new IllegalArgumentException(
                "Cannot search with a body of type " + body.getClass().getName()
                                           + (body instanceof Iterator ? " (split an allPages iterator first and "
                                                                        + "search with each hit)"
                                                   : body instanceof Collection ? " holding other things than hits"
                                                   : "")
                                           + ": " + WHAT_A_BODY_MAY_BE);
    }

    private SearchRequest fromWrappedFile(Exchange exchange, WrappedFile<?> wrapped) {
        Object file = wrapped.getFile();
        if (file instanceof File f) {
            return fromBytes(readFile(f.toPath()), "file " + f);
        }
        try {
            byte[] bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, wrapped);
            return fromBytes(bytes, "file " + wrapped);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot read the body file " + wrapped + ": " + e.getMessage(), e);
        }
    }

    private SearchRequest fromMap(Map<?, ?> map) {
        try {
            return requestMapper.convertValue(map, SearchRequest.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Body Map is not a valid search request: " + rootMessage(e), e);
        }
    }

    private SearchRequest fromText(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.startsWith("{")) {
            return fromJson(trimmed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "String");
        }
        if (trimmed.regionMatches(true, 0, "data:image/", 0, 11)) {
            return new SearchRequest().setImage(trimmed);
        }
        return new SearchRequest().setQuery(trimmed);
    }

    private SearchRequest fromBytes(byte[] bytes, String what) {
        if (bytes.length == 0) {
            return null;
        }
        if (firstNonWhitespace(bytes) == '{') {
            return fromJson(bytes, what);
        }
        if (DataUrls.detectImageType(bytes) == null) {
            throw new IllegalArgumentException(
                    "Cannot search with a " + what + " body of " + bytes.length + " bytes: it is neither a JSON search "
                                               + "request nor a PNG, JPEG, GIF or WebP image");
        }
        return new SearchRequest().setImage(DataUrls.toDataUrl(bytes));
    }

    private SearchRequest fromJson(byte[] json, String what) {
        try {
            return requestMapper.readValue(json, SearchRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Body " + what + " is JSON but not a valid search request: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body " + what + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("Body stream is larger than " + MAX_BODY_BYTES
                                                   + " bytes, more than a search request can carry");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body stream: " + e.getMessage(), e);
        }
    }

    private static byte[] readFile(Path path) {
        try {
            long size = Files.size(path);
            if (size > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("Body file " + path + " has " + size + " bytes, more than the "
                                                   + MAX_BODY_BYTES + " a search request can carry");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body file " + path + ": " + e.getMessage(), e);
        }
    }

    private static int firstNonWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    }

    /** Where each field's value came from, for error messages. */
    private static final class Origins {
        private final Map<String, String> byField = new HashMap<>();

        Origins copy() {
            Origins c = new Origins();
            c.byField.putAll(byField);
            return c;
        }

        void put(String field, String origin) {
            byField.put(field, origin);
        }

        String describe(String field) {
            return byField.getOrDefault(field, "option '" + field + "'");
        }
    }
}
