package io.github.camelscenario.scenario.client;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** File names and content types for downloaded files: the asset id plus an extension from the type. */
final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"),
            Map.entry("image/webp", "webp"), Map.entry("image/gif", "gif"), Map.entry("image/avif", "avif"),
            Map.entry("image/svg+xml", "svg"), Map.entry("image/tiff", "tif"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/webm", "webm"), Map.entry("video/quicktime", "mov"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/ogg", "ogg"),
            Map.entry("model/gltf-binary", "glb"), Map.entry("model/gltf+json", "gltf"));
    /** Types that say nothing: a CDN's default for objects stored without one. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("application/octet-stream",
            "binary/octet-stream", "application/binary");
    private static final Pattern PLAIN_SUBTYPE = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private FileNames() {
    }

    /**
     * The type to announce: the file host's, unless it is missing or generic; else the asset's {@code mimeType} (for
     * its own file, not its thumbnail); else what the first bytes say (PNG, JPEG, GIF, WebP); else {@code null}.
     */
    static String contentType(String fromHost, String mimeType, AssetFile file, byte[] firstBytes) {
        String host = bare(fromHost);
        if (host != null && !GENERIC.contains(host)) {
            return fromHost.strip();
        }
        if (file == AssetFile.FILE && bare(mimeType) != null) {
            return mimeType.strip();
        }
        return DataUrls.detectImageType(firstBytes);
    }

    /**
     * {@code <asset id>.<extension>}, safe as a file name anywhere: characters other than letters, digits, dot, dash and
     * underscore become {@code _}, and a leading dot too (so {@code ../x} cannot leave a folder).
     */
    static String fileName(String assetId, String contentType) {
        String base = UNSAFE.matcher(assetId).replaceAll("_");
        if (base.startsWith(".")) {
            base = "_" + base.substring(1);
        }
        String extension = extension(contentType);
        return extension == null ? base : base + "." + extension;
    }

    /** {@code png} for {@code image/png}; a short plain subtype as it is; {@code null} when the type tells none. */
    static String extension(String contentType) {
        String type = bare(contentType);
        if (type == null || GENERIC.contains(type)) {
            return null;
        }
        String known = EXTENSIONS.get(type);
        if (known != null) {
            return known;
        }
        String subtype = type.substring(type.indexOf('/') + 1);
        return type.indexOf('/') > 0 && PLAIN_SUBTYPE.matcher(subtype).matches() ? subtype : null;
    }

    /** The type without parameters, lower case; {@code null} when blank. */
    private static String bare(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }
}
