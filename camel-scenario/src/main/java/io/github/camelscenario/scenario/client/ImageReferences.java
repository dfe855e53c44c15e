package io.github.camelscenario.scenario.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code images} field: references (asset ids or data URLs) results should look like, or unlike. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ImageReferences {

    private List<String> like = new ArrayList<>();
    private List<String> unlike = new ArrayList<>();

    public ImageReferences() {
    }

    public ImageReferences(List<String> like, List<String> unlike) {
        setLike(like);
        setUnlike(unlike);
    }

    public ImageReferences copy() {
        return new ImageReferences(like, unlike);
    }

    public List<String> getLike() {
        return like;
    }

    public void setLike(List<String> like) {
        this.like = like == null ? new ArrayList<>() : new ArrayList<>(like);
    }

    public List<String> getUnlike() {
        return unlike;
    }

    public void setUnlike(List<String> unlike) {
        this.unlike = unlike == null ? new ArrayList<>() : new ArrayList<>(unlike);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return like.isEmpty() && unlike.isEmpty();
    }

    /** Shortens a data URL to its head, for logs and error messages. */
    public static String abbreviate(String reference) {
        if (reference == null || reference.length() <= 64) {
            return reference;
        }
        return reference.substring(0, 48) + "...(" + reference.length() + " chars)";
    }

    @Override
    public String toString() {
        return "{like=" + like.stream().map(ImageReferences::abbreviate).collect(Collectors.toList())
               + ", unlike=" + unlike.stream().map(ImageReferences::abbreviate).collect(Collectors.toList()) + "}";
    }
}
