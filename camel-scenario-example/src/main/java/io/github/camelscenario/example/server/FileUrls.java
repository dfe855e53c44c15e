package io.github.camelscenario.example.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the file host's URLs and checks them, as a CDN's signed URLs work: the query string carries an expiry time, a
 * token and an HMAC of the path and both, so a URL cannot be altered, and its token counts its downloads. The key is
 * drawn at random per server: URLs of one server run never work on another.
 */
final class FileUrls {

    /** Which file of an asset. */
    enum Kind {
        IMAGE("image"),
        THUMBNAIL("thumbnail");

        final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }
    }

    /** Why a URL is refused. */
    record Refusal(int status, String code, String message) {
    }

    private final byte[] key = new byte[32];
    /** A Mac per thread: search answers sign two URLs per hit, and making a Mac costs more than using one. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final AtomicLong tokens = new AtomicLong();
    /** Downloads per token, only while {@link FileFaults#expireAfterDownloads()} is on. */
    private final Map<Long, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final FileFaults faults;
    private volatile String origin;

    FileUrls(FileFaults faults) {
        this.faults = faults;
        new SecureRandom().nextBytes(key);
    }

    /** Where the file host answers, e.g. {@code http://localhost:40123}; set once it is bound. */
    void origin(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    /** A freshly signed URL of the asset's file: PNG or JPEG after its mimeType, the thumbnail always PNG. */
    String url(StoredAsset asset, Kind kind) {
        String format = kind == Kind.IMAGE && "image/jpeg".equals(asset.mimeType) ? "jpg" : "png";
        return url(asset.id, kind, format);
    }

    /** A freshly signed URL of the asset's file in {@code format} ({@code png} or {@code jpg}). */
    String url(String assetId, Kind kind, String format) {
        String path = "/files/" + assetId + "/" + kind.fileName + "." + format;
        long seconds = faults.expireAfterSeconds();
        // rounded up: a URL is good for at least the whole time asked, at most a second more
        long expires = seconds > 0 ? Math.floorDiv(System.currentTimeMillis() + seconds * 1000 + 999, 1000) : 0;
        long token = tokens.incrementAndGet();
        return origin + path + "?expires=" + expires + "&token=" + token + "&signature="
               + sign(path, expires, token);
    }

    /** Checks the signature and the expiry time; {@code null} when the URL is good. Counts nothing. */
    Refusal check(String path, Map<String, String> query) {
        long expires;
        long token;
        try {
            expires = Long.parseLong(query.getOrDefault("expires", ""));
            token = Long.parseLong(query.getOrDefault("token", ""));
        } catch (NumberFormatException e) {
            return new Refusal(403, "ACCESS_DENIED", "Missing or malformed signature parameters");
        }
        byte[] given = query.getOrDefault("signature", "").getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(path, expires, token).getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal(403, "SIGNATURE_DOES_NOT_MATCH", "The request signature does not match");
        }
        if (expires > 0 && System.currentTimeMillis() / 1000 >= expires) {
            return expired("Request has expired");
        }
        return null;
    }

    /** Counts one download of the URL's token; a refusal once the token has been used up. */
    Refusal countDownload(Map<String, String> query) {
        int limit = faults.expireAfterDownloads();
        if (limit <= 0) {
            return null;
        }
        long token = Long.parseLong(query.get("token"));
        int n = downloads.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        return n > limit ? expired("Request has expired: this URL was good for " + limit + " download(s)") : null;
    }

    private Refusal expired(String message) {
        int status = faults.expiredStatus();
        return new Refusal(status, status == 410 ? "GONE" : "ACCESS_DENIED", message);
    }

    private String sign(String path, long expires, long token) {
        byte[] digest = macs.get().doFinal((path + "|" + expires + "|" + token).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
