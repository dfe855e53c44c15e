package io.github.camelscenario.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelscenario.scenario.client.Asset;
import io.github.camelscenario.scenario.client.ImageReferences;
import io.github.camelscenario.scenario.client.SearchRequest;
import io.github.camelscenario.scenario.client.SearchRequestValidator;

/**
 * The component's own output as the body of a search: a hit asks for assets like it ({@code image} = its id), a
 * List of hits for assets like them ({@code imagesLike} = their ids), so "for each new asset, find its look-alikes" is
 * a consumer and a producer in a row.
 */
final class HitBodies {

    /** Most hits one List body may carry: a page's worth, so the producer's own answer always fits. */
    static final int MAX_HITS = SearchRequestValidator.MAX_HITS_PER_PAGE;

    static final String HIT_ORIGIN = "body hit's id (as image)";
    static final String HITS_ORIGIN = "body hits' ids (as imagesLike)";

    private HitBodies() {
    }

    static SearchRequest fromHit(Asset hit) {
        if (isBlank(hit.getId())) {
            throw new IllegalArgumentException("Cannot search with a hit (Asset) body that has no id: a hit asks for "
                                               + "assets like it by its id (as image)");
        }
        return new SearchRequest().setImage(hit.getId());
    }

    /** Whether {@code body} is a Collection the producer or consumer could have made: empty, or hits only. */
    static boolean isHits(Collection<?> body) {
        return body.isEmpty() || body.stream().allMatch(Asset.class::isInstance);
    }

    static SearchRequest fromHits(Collection<?> hits) {
        if (hits.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot search with an empty List body: a List of hits asks for assets like them (as imagesLike), "
                                               + "and this one has none; leave empty answers out before this step, "
                                               + "e.g. .filter(simple(\"${body.size()} > 0\"))");
        }
        if (hits.size() > MAX_HITS) {
            throw new IllegalArgumentException("Cannot search with a List body of " + hits.size() + " hits: at most "
                                               + MAX_HITS + " (a page of hits) go into one imagesLike; split the "
                                               + "List or search with part of it");
        }
        Set<String> ids = new LinkedHashSet<>();
        int index = 0;
        for (Object hit : hits) {
            String id = ((Asset) hit).getId();
            if (isBlank(id)) {
                throw new IllegalArgumentException("Cannot search with the List body's hit " + index + " (of "
                                                   + hits.size() + "): it has no id, and a List of hits asks for "
                                                   + "assets like them by their ids (as imagesLike)");
            }
            ids.add(id);
            index++;
        }
        return new SearchRequest().setImages(new ImageReferences(new ArrayList<>(ids), List.of()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
