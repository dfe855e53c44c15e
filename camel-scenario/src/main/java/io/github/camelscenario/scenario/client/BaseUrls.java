package io.github.camelscenario.scenario.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The rules of a {@code baseUrl}, shared by the client (which sends to it) and the Camel endpoint (which checks it when
 * it is created), and how one is shown in an error: never with its user info, which may hold credentials.
 */
public final class BaseUrls {

    private BaseUrls() {
    }

    /** What is wrong with {@code baseUrl}, as a rule that repeats no part of it; {@code null} when it is fine. */
    public static String problem(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "must be set to an absolute http(s) URL such as " + HttpScenarioClient.DEFAULT_BASE_URL;
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            // the reason and index, not getMessage(), which repeats the whole URL
            return "is not a URL (" + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")";
        }
        if (!isHttp(uri)) {
            return "must be an absolute http(s) URL such as " + HttpScenarioClient.DEFAULT_BASE_URL;
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials; use apiKey/apiSecret";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query or fragment: the search path is appended to it";
        }
        return null;
    }

    /** Whether {@code uri} is an absolute http(s) URL with a host: the only URLs the component sends requests to. */
    static boolean isHttp(URI uri) {
        return uri.getHost() != null
               && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    /** {@code baseUrl} for an error message: whatever stands before an {@code @} is blanked out, URL or not. */
    public static String shown(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        int at = baseUrl.lastIndexOf('@');
        if (at < 0) {
            return baseUrl;
        }
        int scheme = baseUrl.indexOf("://");
        int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return baseUrl.substring(0, from) + "****" + baseUrl.substring(at);
    }

    /** The search URI under a valid {@code baseUrl}. */
    static URI searchUri(String baseUrl) {
        String problem = problem(baseUrl);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid baseUrl '" + shown(baseUrl) + "': " + problem);
        }
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(trimmed + HttpScenarioClient.SEARCH_PATH);
    }
}
