package io.github.camelscenario.scenario;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The service URL an endpoint reports to Camel's tooling: never with credentials in it. */
final class ServiceLocations {

    private ServiceLocations() {
    }

    /** The URL without user info, query or fragment; {@code null} when it is not a URL. */
    static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code http} or {@code https}, from the URL. */
    static String scheme(String url) {
        String clean = withoutUserInfo(url);
        return clean == null ? null : URI.create(clean).getScheme().toLowerCase(Locale.ROOT);
    }
}
