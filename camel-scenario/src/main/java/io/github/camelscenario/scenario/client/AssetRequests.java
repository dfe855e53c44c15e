package io.github.camelscenario.scenario.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The two single-asset calls a download needs, sent like searches (to {@code baseUrl} only, with the credentials,
 * redirects never followed), one attempt each: the caller retries. {@code GET /assets/{id}} answers the asset;
 * {@code POST /assets/{id}/download} a fresh download link, whose answer shape the API does not document, so it is read
 * defensively: a URL in a JSON field such as {@code url} (also one level down), a JSON string, a plain-text body, or a
 * redirect's {@code Location}. A link is never logged nor put in an exception: its query string is a credential.
 */
final class AssetRequests {

    /** JSON fields that may hold the link, in the order they are looked at. */
    private static final List<String> LINK_FIELDS = List.of("url", "downloadUrl", "downloadUri", "signedUrl", "link",
            "href");
    /** Objects the link may be wrapped in. */
    private static final List<String> WRAPPERS = List.of("asset", "data", "download", "result");
    /** A link answer larger than this is no link. */
    private static final int MAX_LINK_ANSWER_BYTES = 64 * 1024;

    private final URI baseUri;
    private final String authorization;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final UnaryOperator<String> redact;
    private final SearchAttemptListener listener;

    AssetRequests(URI baseUri, String authorization, CloseableHttpClient http, ObjectMapper mapper,
                  UnaryOperator<String> redact, SearchAttemptListener listener) {
        this.baseUri = baseUri;
        this.authorization = authorization;
        this.http = http;
        this.mapper = mapper;
        this.redact = redact;
        this.listener = listener;
    }

    Asset get(String assetId) throws IOException {
        String call = "asset lookup (GET /assets/" + assetId + ")";
        HttpGet get = new HttpGet(uri(assetId));
        return send(get, call, response -> {
            JsonNode json;
            try {
                json = readJson(response);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                json = null; // no JSON: no asset, said below
            }
            // {"asset": {...}} as the local server answers, or the asset itself
            JsonNode asset = json != null && json.path("asset").isObject() ? json.get("asset") : json;
            if (asset == null || !asset.isObject() || !asset.hasNonNull("id")) {
                throw new ScenarioApiException("Scenario " + call + " answered HTTP " + response.getCode() + " ("
                                               + contentType(response) + ") without an asset in its body; not retried",
                        response.getCode(), 1);
            }
            return mapper.treeToValue(asset, Asset.class);
        });
    }

    URI downloadLink(String assetId) throws IOException {
        String call = "download link (POST /assets/" + assetId + "/download)";
        HttpPost post = new HttpPost(uri(assetId, "download"));
        post.setEntity(new StringEntity("{}", ContentType.APPLICATION_JSON));
        return send(post, call, response -> {
            URI link = link(response);
            if (link == null) {
                throw new ScenarioApiException("Scenario " + call + " answered HTTP " + response.getCode() + " ("
                                               + contentType(response) + ") without an http(s) URL in its answer; "
                                               + "not retried", response.getCode(), 1);
            }
            return link;
        });
    }

    private interface Reader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    private <T> T send(HttpUriRequestBase request, String call, Reader<T> reader) throws IOException {
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.execute(request, response -> {
            int status = response.getCode();
            listener.answered(status);
            if (status >= 200 && status < 300) {
                return reader.read(response);
            }
            if (status >= 300 && status < 400 && request instanceof HttpPost
                && response.getFirstHeader(HttpHeaders.LOCATION) != null) {
                // "the link may redirect": the Location is the link; it is never followed with the credentials
                return reader.read(response);
            }
            ApiError error = ApiError.read(response, mapper);
            boolean retryable = RetryPolicy.isRetryableStatus(status);
            throw new ScenarioApiException(call, status, redact.apply(error.message()), redact.apply(error.code()),
                    redact.apply(error.traceId()), 1, retryable);
        });
    }

    private URI uri(String assetId, String... more) {
        try {
            List<String> segments = new ArrayList<>(new URIBuilder(baseUri).getPathSegments());
            segments.add("assets");
            segments.add(assetId);
            segments.addAll(List.of(more));
            return new URIBuilder(baseUri).setPathSegments(segments).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the URI for asset id '" + assetId + "': " + e.getMessage(),
                    e);
        }
    }

    /** The link in a redirect's Location, a JSON field or string, or a plain-text body; {@code null} when none. */
    private URI link(ClassicHttpResponse response) throws IOException {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (response.getCode() >= 300 && location != null) {
            return httpUrl(location.getValue());
        }
        String text = readText(response);
        if (text == null) {
            return null;
        }
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (IOException notJson) {
            return httpUrl(text.strip()); // a plain-text link
        }
        if (json != null && json.isTextual()) {
            return httpUrl(json.asText());
        }
        URI found = linkIn(json);
        for (Iterator<String> it = WRAPPERS.iterator(); found == null && it.hasNext();) {
            found = linkIn(json == null ? null : json.get(it.next()));
        }
        return found;
    }

    private static URI linkIn(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (String field : LINK_FIELDS) {
            JsonNode value = object.get(field);
            URI uri = value != null && value.isTextual() ? httpUrl(value.asText()) : null;
            if (uri != null) {
                return uri;
            }
        }
        return null;
    }

    private static URI httpUrl(String text) {
        try {
            URI uri = new URI(text);
            return BaseUrls.isHttp(uri) ? uri : null;
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }

    /** What the answer was, for an error message: its content type, never its body (which may hold a link). */
    private String contentType(ClassicHttpResponse response) {
        Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        return type == null ? "no Content-Type" : "Content-Type " + ApiError.shorten(redact.apply(type.getValue()));
    }

    private JsonNode readJson(ClassicHttpResponse response) throws IOException {
        if (response.getEntity() == null) {
            return null;
        }
        try (InputStream in = response.getEntity().getContent()) {
            return mapper.readTree(in);
        }
    }

    private static String readText(ClassicHttpResponse response) throws IOException {
        if (response.getEntity() == null) {
            return null;
        }
        try (InputStream in = response.getEntity().getContent()) {
            return new String(in.readNBytes(MAX_LINK_ANSWER_BYTES), StandardCharsets.UTF_8);
        }
    }
}
