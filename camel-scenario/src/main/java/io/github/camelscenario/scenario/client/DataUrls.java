package io.github.camelscenario.scenario.client;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Image bytes to {@code data:} URLs and back, with the MIME type detected from the bytes themselves. */
public final class DataUrls {

    /**
     * The API gateway caps a request body at about 10 MB; base64 adds a third, so ~7 MB of raw image is the most a
     * data URL can carry.
     */
    public static final int MAX_IMAGE_BYTES = 7 * 1024 * 1024;

    private static final Pattern DATA_URL = Pattern.compile("data:(image/[a-zA-Z0-9.+-]+);base64,([A-Za-z0-9+/=\\s]+)");

    private DataUrls() {
    }

    /** The MIME type of a PNG, JPEG, GIF or WebP picture, from its magic bytes; {@code null} for anything else. */
    public static String detectImageType(byte[] b) {
        if (b == null) {
            return null;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    /**
     * A data URL for a picture.
     *
     * @throws IllegalArgumentException when the bytes are not a PNG, JPEG, GIF or WebP picture, or too large
     */
    public static String toDataUrl(byte[] image) {
        String type = detectImageType(image);
        if (type == null) {
            throw new IllegalArgumentException(
                    "Cannot use " + (image == null ? 0 : image.length) + " bytes as image: not a PNG, JPEG, GIF or WebP "
                                               + "picture (checked the first bytes)");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException(
                    "Cannot use a " + image.length + "-byte " + type + " as image: the API accepts at most "
                                               + MAX_IMAGE_BYTES + " bytes of raw image in a request");
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
    }

    /**
     * Decodes a data URL's picture.
     *
     * @throws IllegalArgumentException naming the rule the value breaks
     */
    public static byte[] decode(String dataUrl) {
        Matcher m = DATA_URL.matcher(dataUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a data URL of the form data:image/<type>;base64,<payload>");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its base64 payload does not decode (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("its payload is empty");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("its picture has " + bytes.length + " bytes, more than the " + MAX_IMAGE_BYTES
                                               + " the API accepts");
        }
        return bytes;
    }

    public static boolean isDataUrl(String value) {
        return value != null && value.regionMatches(true, 0, "data:", 0, 5);
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
