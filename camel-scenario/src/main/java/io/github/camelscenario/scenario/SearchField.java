package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.camelscenario.scenario.client.DataUrls;
import io.github.camelscenario.scenario.client.ImageReferences;
import io.github.camelscenario.scenario.client.SearchRequest;

/**
 * One search field as a user sets it: its endpoint option, its header, and where it lives in a {@link SearchRequest}.
 * The single table that options, bodies and headers are all merged through.
 */
final class SearchField<T> {

    static final SearchField<String> QUERY = text("query", ScenarioConstants.QUERY,
            ScenarioConfiguration::getQuery, SearchRequest::getQuery, SearchRequest::setQuery);
    static final SearchField<String> FILTER = text("filter", ScenarioConstants.FILTER,
            ScenarioConfiguration::getFilter, SearchRequest::getFilter, SearchRequest::setFilter);
    static final SearchField<String> IMAGE = text("image", ScenarioConstants.IMAGE,
            ScenarioConfiguration::getImage, SearchRequest::getImage, SearchRequest::setImage);
    static final SearchField<List<String>> IMAGES_LIKE = references("imagesLike", ScenarioConstants.IMAGES_LIKE,
            ScenarioConfiguration::getImagesLike, ImageReferences::getLike, ImageReferences::setLike);
    static final SearchField<List<String>> IMAGES_UNLIKE = references("imagesUnlike", ScenarioConstants.IMAGES_UNLIKE,
            ScenarioConfiguration::getImagesUnlike, ImageReferences::getUnlike, ImageReferences::setUnlike);
    static final SearchField<Double> IMAGE_SEMANTIC_RATIO = new SearchField<>("imageSemanticRatio",
            ScenarioConstants.IMAGE_SEMANTIC_RATIO, Double.class, ScenarioConfiguration::getImageSemanticRatio,
            SearchRequest::getImageSemanticRatio, SearchRequest::setImageSemanticRatio);
    static final SearchField<Double> QUERY_SEMANTIC_RATIO = new SearchField<>("querySemanticRatio",
            ScenarioConstants.QUERY_SEMANTIC_RATIO, Double.class, ScenarioConfiguration::getQuerySemanticRatio,
            SearchRequest::getQuerySemanticRatio, SearchRequest::setQuerySemanticRatio);
    static final SearchField<Integer> HITS_PER_PAGE = new SearchField<>("hitsPerPage", ScenarioConstants.HITS_PER_PAGE,
            Integer.class, ScenarioConfiguration::getHitsPerPage, SearchRequest::getHitsPerPage,
            SearchRequest::setHitsPerPage);
    static final SearchField<Integer> PAGE = new SearchField<>("page", ScenarioConstants.PAGE, Integer.class,
            ScenarioConfiguration::getPage, SearchRequest::getPage, SearchRequest::setPage);
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static final SearchField<List<String>> SORT_BY = new SearchField<>("sortBy", ScenarioConstants.SORT_BY,
            (Class) List.class, ScenarioConfiguration::getSortBy, SearchRequest::getSortBy, SearchRequest::setSortBy);
    static final SearchField<Boolean> PUBLIC_ASSETS = new SearchField<>("publicAssets", ScenarioConstants.PUBLIC_ASSETS,
            Boolean.class, ScenarioConfiguration::getPublicAssets, SearchRequest::getPublicAssets,
            SearchRequest::setPublicAssets);
    static final SearchField<String> PROJECT_ID = text("projectId", ScenarioConstants.PROJECT_ID,
            ScenarioConfiguration::getProjectId, SearchRequest::getProjectId, SearchRequest::setProjectId);
    static final SearchField<Boolean> ORIGINAL_ASSETS = new SearchField<>("originalAssets",
            ScenarioConstants.ORIGINAL_ASSETS, Boolean.class, ScenarioConfiguration::getOriginalAssets,
            SearchRequest::getOriginalAssets, SearchRequest::setOriginalAssets);

    static final List<SearchField<?>> ALL = List.of(QUERY, FILTER, IMAGE, IMAGES_LIKE, IMAGES_UNLIKE,
            IMAGE_SEMANTIC_RATIO, QUERY_SEMANTIC_RATIO, HITS_PER_PAGE, PAGE, SORT_BY, PUBLIC_ASSETS, PROJECT_ID,
            ORIGINAL_ASSETS);

    private final String name;
    private final String header;
    private final Class<T> type;
    private final Function<ScenarioConfiguration, Object> option;
    private final Function<SearchRequest, T> getter;
    private final BiConsumer<SearchRequest, T> setter;

    private SearchField(String name, String header, Class<T> type, Function<ScenarioConfiguration, Object> option,
                        Function<SearchRequest, T> getter, BiConsumer<SearchRequest, T> setter) {
        this.name = name;
        this.header = header;
        this.type = type;
        this.option = option;
        this.getter = getter;
        this.setter = setter;
    }

    private static SearchField<String> text(
            String name, String header, Function<ScenarioConfiguration, Object> option,
            Function<SearchRequest, String> getter, BiConsumer<SearchRequest, String> setter) {
        return new SearchField<>(name, header, String.class, option, getter, setter);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static SearchField<List<String>> references(
            String name, String header, Function<ScenarioConfiguration, Object> option,
            Function<ImageReferences, List<String>> getter, BiConsumer<ImageReferences, List<String>> setter) {
        return new SearchField<>(name, header, (Class) List.class, option,
                r -> r.getImages() == null || getter.apply(r.getImages()).isEmpty() ? null : getter.apply(r.getImages()),
                (r, v) -> {
                    if (r.getImages() == null) {
                        r.setImages(new ImageReferences());
                    }
                    setter.accept(r.getImages(), v);
                });
    }

    String name() {
        return name;
    }

    String header() {
        return header;
    }

    Class<T> type() {
        return type;
    }

    Object optionValue(ScenarioConfiguration configuration) {
        return option.apply(configuration);
    }

    T get(SearchRequest request) {
        return getter.apply(request);
    }

    void set(SearchRequest request, T value) {
        setter.accept(request, value);
    }

    boolean isList() {
        return type == List.class;
    }

    /**
     * A list value from a String or a Collection. A String is comma-separated, except a data URL, which holds a comma
     * itself and is taken whole; Collection elements are never split.
     */
    static List<String> toList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
        } else if (value instanceof Object[] array) {
            return toList(Arrays.asList(array));
        } else if (value != null) {
            String s = value.toString().trim();
            if (DataUrls.isDataUrl(s)) {
                out.add(s);
            } else {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }
}
