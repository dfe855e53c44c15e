package io.github.camelscenario.example.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelscenario.scenario.client.DataUrls;

/**
 * Turns a request body and its query parameters into a {@link SearchSpec}, enforcing the contract's rules. Each
 * failure is a {@link BadRequestException} whose message names the rule broken.
 */
final class SearchRequestParser {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_LIMIT = 20;
    static final int DEFAULT_HITS_PER_PAGE = 20;

    static final Set<String> FIELDS = Set.of(
            "query", "filter", "image", "images", "imageSemanticRatio", "querySemanticRatio", "hitsPerPage", "page",
            "offset", "limit", "sortBy", "public");
    static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "width", "height", "score");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SearchRequestParser() {
    }

    static SearchSpec parse(byte[] body, Map<String, String> queryParams) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Malformed JSON in request body: " + e.getOriginalMessage()
                                          + locationOf(e));
        } catch (IOException e) {
            throw new BadRequestException("Unreadable request body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new BadRequestException("Request body must be a JSON object, e.g. {\"query\": \"cat\"}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException("Unknown field \"" + name + "\" in request body; accepted fields: "
                                              + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }

        String query = string(root, "query");
        String filterText = string(root, "filter");
        String image = string(root, "image");
        List<String> like = new ArrayList<>();
        List<String> unlike = new ArrayList<>();
        boolean hasImages = images(root.get("images"), like, unlike);
        Double imageRatio = number(root, "imageSemanticRatio");
        Double queryRatio = number(root, "querySemanticRatio");
        Integer hitsPerPage = integer(root, "hitsPerPage");
        Integer page = integer(root, "page");
        Integer offset = integer(root, "offset");
        Integer limit = integer(root, "limit");
        List<SearchSpec.SortKey> sortBy = sortBy(root.get("sortBy"));
        Boolean publicAssets = bool(root, "public");

        if (isBlank(query) && isBlank(filterText) && isBlank(image) && !hasImages) {
            throw new BadRequestException(
                    "Must provide at least one search parameter: query, filter, image or images");
        }
        if (!isBlank(image) && hasImages) {
            throw new BadRequestException("image and images are mutually exclusive: send one of them");
        }
        if (hitsPerPage != null && page == null) {
            throw new BadRequestException("hitsPerPage must be used with page");
        }
        if (hitsPerPage != null && (hitsPerPage < 1 || hitsPerPage > MAX_PAGE_SIZE)) {
            throw new BadRequestException("hitsPerPage must be between 1 and " + MAX_PAGE_SIZE + " (got " + hitsPerPage + ")");
        }
        if (limit != null && limit > MAX_PAGE_SIZE) {
            throw new BadRequestException("Limit exceeds maximum (" + MAX_PAGE_SIZE + ")");
        }
        if (limit != null && limit < 1) {
            throw new BadRequestException("limit must be between 1 and " + MAX_PAGE_SIZE + " (got " + limit + ")");
        }
        if (page != null && page < 1) {
            throw new BadRequestException("page must be 1 or more (got " + page + ")");
        }
        if (offset != null && offset < 0) {
            throw new BadRequestException("offset must be 0 or more (got " + offset + ")");
        }
        ratio("imageSemanticRatio", imageRatio);
        ratio("querySemanticRatio", queryRatio);
        if (!isBlank(image)) {
            like.add(image.trim());
        }

        FilterExpression filter = isBlank(filterText) ? null : FilterParser.parse(filterText);
        String projectId = queryParams.get("projectId");
        if (projectId != null && projectId.isBlank()) {
            projectId = null;
        }
        boolean originalAssets = originalAssets(queryParams.get("originalAssets"));

        boolean pageStyle = page != null;
        double ir = imageRatio == null ? 1.0 : imageRatio;
        double qr = queryRatio == null ? 0.0 : queryRatio;
        boolean pub = publicAssets != null && publicAssets;
        String key = String.join("\u0001",
                isBlank(query) ? "" : String.join(" ", TextScorer.tokenize(query)),
                isBlank(filterText) ? "" : filterText.trim(),
                digest(like), digest(unlike), Double.toString(ir), sortBy.toString(), Boolean.toString(pub),
                String.valueOf(projectId), Boolean.toString(originalAssets));
        return new SearchSpec(isBlank(query) ? null : query, isBlank(filterText) ? null : filterText, filter,
                List.copyOf(like), List.copyOf(unlike), ir, qr, sortBy, pub, projectId, originalAssets, pageStyle,
                page == null ? 1 : page, hitsPerPage == null ? DEFAULT_HITS_PER_PAGE : hitsPerPage,
                offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit, key);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String string(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequestException(field + " must be a string");
        }
        return n.asText();
    }

    private static Double number(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new BadRequestException(field + " must be a number between 0 and 1");
        }
        return n.asDouble();
    }

    private static Integer integer(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadRequestException(field + " must be an integer");
        }
        return n.asInt();
    }

    private static Boolean bool(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new BadRequestException(field + " must be true or false");
        }
        return n.asBoolean();
    }

    private static void ratio(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new BadRequestException(field + " must be between 0 and 1 (got " + value + ")");
        }
    }

    /** Reads {@code images}: {@code like}/{@code unlike}, each a list of references (a single string is accepted). */
    private static boolean images(JsonNode images, List<String> like, List<String> unlike) {
        if (images == null || images.isNull()) {
            return false;
        }
        if (!images.isObject()) {
            throw new BadRequestException("images must be an object like {\"like\": [...], \"unlike\": [...]}");
        }
        for (Iterator<String> it = images.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!name.equals("like") && !name.equals("unlike")) {
                throw new BadRequestException("Unknown field \"images." + name + "\" in request body; images takes like and unlike");
            }
        }
        references("images.like", images.get("like"), like);
        references("images.unlike", images.get("unlike"), unlike);
        return !like.isEmpty() || !unlike.isEmpty();
    }

    private static void references(String field, JsonNode node, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            addReference(field, node.asText(), into);
            return;
        }
        if (!node.isArray()) {
            throw new BadRequestException(field + " must be an array of asset ids or data URLs");
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new BadRequestException(field + " must contain only strings (asset ids or data URLs)");
            }
            addReference(field, element.asText(), into);
        }
    }

    private static void addReference(String field, String ref, List<String> into) {
        if (ref.isBlank()) {
            throw new BadRequestException(field + " must not contain empty references");
        }
        into.add(ref.trim());
    }

    private static List<SearchSpec.SortKey> sortBy(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException("sortBy must be an array of strings like [\"createdAt:desc\"]");
        }
        List<SearchSpec.SortKey> keys = new ArrayList<>();
        for (JsonNode element : node) {
            String s = element.isTextual() ? element.asText().trim() : null;
            int colon = s == null ? -1 : s.lastIndexOf(':');
            if (colon < 0) {
                throw new BadRequestException("sortBy entries must read attribute:asc or attribute:desc, got " + element);
            }
            String attribute = s.substring(0, colon);
            String direction = s.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (!SORTABLE.contains(attribute)) {
                throw new BadRequestException("\"" + attribute + "\" is not a sortable attribute; sortable: "
                                              + String.join(", ", new java.util.TreeSet<>(SORTABLE)));
            }
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new BadRequestException("sortBy direction must be asc or desc, got \"" + direction + "\" in " + s);
            }
            keys.add(new SearchSpec.SortKey(attribute, direction.equals("desc")));
        }
        return List.copyOf(keys);
    }

    private static boolean originalAssets(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequestException("originalAssets must be true or false (got " + value + ")");
        };
    }

    /** Data URLs can be megabytes long: the cache key holds their hash instead. */
    private static String digest(List<String> refs) {
        StringBuilder sb = new StringBuilder();
        for (String ref : refs) {
            sb.append(DataUrls.isDataUrl(ref) ? "sha256:" + sha256(ref) : ref).append(',');
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
