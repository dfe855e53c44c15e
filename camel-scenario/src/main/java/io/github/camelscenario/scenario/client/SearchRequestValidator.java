package io.github.camelscenario.scenario.client;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The API's rules for a search, checked before anything is sent. Each error names where the value came from (an
 * endpoint option, a header, the body), the value and the rule.
 */
public final class SearchRequestValidator {

    public static final int MAX_HITS_PER_PAGE = 100;

    private static final Pattern SORT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*:(asc|desc)");
    private static final Pattern ASSET_ID = Pattern.compile("[^\\s,]{1,200}");

    private final UnaryOperator<String> describe;

    /**
     * @param describe turns a request field name ({@code hitsPerPage}, {@code imagesLike}...) into how the user set it,
     *                 e.g. {@code option 'hitsPerPage'} or {@code header CamelScenarioHitsPerPage}
     */
    public SearchRequestValidator(UnaryOperator<String> describe) {
        this.describe = describe;
    }

    public static SearchRequestValidator byFieldName() {
        return new SearchRequestValidator(field -> "field '" + field + "'");
    }

    /** Checks the rules that hold for any value taken alone (ranges, formats), not the combination rules. */
    public void validateValues(SearchRequest r) {
        range("hitsPerPage", r.getHitsPerPage(), 1, MAX_HITS_PER_PAGE);
        range("limit", r.getLimit(), 1, MAX_HITS_PER_PAGE);
        atLeast("page", r.getPage(), 1);
        atLeast("offset", r.getOffset(), 0);
        ratio("imageSemanticRatio", r.getImageSemanticRatio());
        ratio("querySemanticRatio", r.getQuerySemanticRatio());
        reference("image", r.getImage());
        if (r.getImages() != null) {
            references("imagesLike", r.getImages().getLike());
            references("imagesUnlike", r.getImages().getUnlike());
        }
        if (r.getSortBy() != null) {
            for (String s : r.getSortBy()) {
                if (s == null || !SORT.matcher(s).matches()) {
                    throw fail("sortBy", s, "each entry must read attribute:asc or attribute:desc, e.g. createdAt:desc");
                }
            }
        }
    }

    /**
     * Checks the values and the combinations that adding values can never repair: for endpoint options, which a body
     * field or header may replace but never remove. Today that is image with imagesLike/imagesUnlike. (Nothing to
     * search for is left out: a body or header may still bring a query.)
     */
    public void validateIrreparable(SearchRequest r) {
        validateValues(r);
        oneReferenceStyle(r);
    }

    /** Checks everything, including the API's combination rules: call this on the request about to be sent. */
    public void validate(SearchRequest r) {
        validateValues(r);
        if (!hasSearchTerms(r)) {
            throw new IllegalArgumentException(
                    "Nothing to search for: set at least one of query, filter, image, imagesLike or imagesUnlike");
        }
        oneReferenceStyle(r);
        if (r.getHitsPerPage() != null && r.getPage() == null) {
            throw fail("hitsPerPage", r.getHitsPerPage(), "must be used with page (the API's rule); set page as well");
        }
    }

    /** Whether the request says what to search for: a query, a filter or an image reference (the API's rule). */
    public static boolean hasSearchTerms(SearchRequest r) {
        boolean hasImages = r.getImages() != null && !r.getImages().isEmpty();
        return !isBlank(r.getQuery()) || !isBlank(r.getFilter()) || !isBlank(r.getImage()) || hasImages;
    }

    private void oneReferenceStyle(SearchRequest r) {
        boolean hasImages = r.getImages() != null && !r.getImages().isEmpty();
        if (!isBlank(r.getImage()) && hasImages) {
            throw new IllegalArgumentException(
                    "image and imagesLike/imagesUnlike cannot be used together (the API takes one reference style per "
                                               + "search): " + describe.apply("image") + " is set, and so is "
                                               + describe.apply(r.getImages().getLike().isEmpty() ? "imagesUnlike"
                                                       : "imagesLike"));
        }
    }

    private void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw fail(field, value, "must be between " + min + " and " + max);
        }
    }

    private void atLeast(String field, Integer value, int min) {
        if (value != null && value < min) {
            throw fail(field, value, "must be " + min + " or more");
        }
    }

    private void ratio(String field, Double value) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw fail(field, value, "must be between 0 and 1");
        }
    }

    private void references(String field, List<String> values) {
        for (String v : values) {
            reference(field, v);
        }
    }

    private void reference(String field, String value) {
        if (value == null) {
            return;
        }
        if (DataUrls.isDataUrl(value)) {
            try {
                DataUrls.decode(value);
            } catch (IllegalArgumentException e) {
                throw fail(field, value, "is not a valid image data URL: " + e.getMessage());
            }
        } else if (!ASSET_ID.matcher(value).matches()) {
            throw fail(field, value, "must be an asset id (no spaces or commas) or a data:image/...;base64 URL");
        }
    }

    private IllegalArgumentException fail(String field, Object value, String rule) {
        String shown = value instanceof String s ? "'" + ImageReferences.abbreviate(s) + "'" : String.valueOf(value);
        return new IllegalArgumentException("Invalid " + describe.apply(field) + " = " + shown + ": " + rule);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
