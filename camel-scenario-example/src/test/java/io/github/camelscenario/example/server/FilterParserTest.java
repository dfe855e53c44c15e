package io.github.camelscenario.example.server;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter language on hand-made assets, without HTTP. */
class FilterParserTest {

    private final StoredAsset cat = asset("asset_cat", 1024, 1024, "1:1", "2023-06-01T10:00:00.000Z",
            new String[] { "cat", "orange", "meadow" }, new String[0], new String[] { "collection_a" },
            "a sleepy orange cat in a sunny meadow", "Sleepy Orange Cat");
    private final StoredAsset dog = asset("asset_dog", 1344, 768, "16:9", "2024-02-15T08:30:00.000Z",
            new String[] { "dog", "black", "city" }, new String[] { "violence" }, new String[0],
            "a fierce black dog in a night city", "Fierce Black Dog");
    private final StoredAsset dragon = asset("asset_dragon", 512, 512, "1:1", "2024-01-01T00:00:00.000Z",
            new String[] { "dragon", "red", "cave" }, new String[0], new String[] { "collection_a", "collection_b" },
            "an ancient red dragon in a misty cave", "Ancient Red Dragon");
    private final List<StoredAsset> all = List.of(cat, dog, dragon);

    private static StoredAsset asset(String id, int width, int height, String ratio, String createdAt, String[] tags,
            String[] nsfw, String[] collections, String prompt, String name) {
        StoredAsset a = new StoredAsset();
        a.id = id;
        a.width = width;
        a.height = height;
        a.aspectRatio = ratio;
        a.createdAt = createdAt;
        a.updatedAt = createdAt;
        a.tags = tags;
        a.nsfw = nsfw;
        a.collectionIds = collections;
        a.prompt = prompt;
        a.name = name;
        a.description = "";
        a.kind = "image";
        a.type = "inference-txt2img";
        a.mimeType = "image/png";
        a.privacy = "public";
        a.seed = id.length() * 1000L;
        a.score = width / 10.0;
        return a;
    }

    private String matching(String filter) {
        FilterExpression e = FilterParser.parse(filter);
        return all.stream().filter(e::test).map(a -> a.id.substring("asset_".length())).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "width = 1024                         | cat",
            "width != 1024                        | dog,dragon",
            "width > 1024                         | dog",
            "width >= 1024                        | cat,dog",
            "width < 1024                         | dragon",
            "width <= 1024                        | cat,dragon",
            "width = 1024.0                       | cat",
            "metadata.width = 512                 | dragon",
            "tags = cat                           | cat",
            "tags = CAT                           | cat",
            "tags != cat                          | dog,dragon",
            "collectionIds = collection_a         | cat,dragon",
            "collectionIds IS EMPTY               | dog",
            "nsfw IS EMPTY                        | cat,dragon",
            "nsfw IS NOT EMPTY                    | dog",
            "description IS EMPTY                 | cat,dog,dragon",
            "NOT tags = cat                       | dog,dragon",
            "NOT NOT tags = cat                   | cat",
            "tags = cat OR tags = dog             | cat,dog",
            "tags = cat AND width > 2000          | ''",
            "tags = cat OR tags = dog AND width < 1000 | cat",
            "(tags = cat OR tags = dog) AND width > 1000 | cat,dog",
            "NOT (tags = cat OR tags = dog)       | dragon",
            "aspectRatio = \"16:9\"               | dog",
            "aspectRatio = '1:1' and width < 1000 | dragon",
            "createdAt >= \"2024-01-01\"          | dog,dragon",
            "createdAt < \"2024-01-01T00:00:00.000Z\" | cat",
            "createdAt >= 2024-02-01              | dog",
            "createdAt = \"2024-01-01T00:00:00Z\"  | dragon",
            "createdAt <= \"2024-01-01T01:00:00+01:00\" | cat,dragon",
            "createdAt > \"2024-01-01T00:00:00\"   | dog",
            "(tags = dragon OR NOT tags = cat) AND createdAt <= \"2024-01-01T00:00:00.000Z\" | dragon",
            "updatedAt IN [\"2023-06-01T12:00:00+02:00\", \"2024-02-15T08:30:00Z\"] | cat,dog",
            "prompt:dragon                        | dragon",
            "prompt:\"red dragon\"                | dragon",
            "name:BLACK                           | dog",
            "tags:red                             | dragon",
            "id IN [asset_cat, asset_dragon]      | cat,dragon",
            "tags NOT IN [cat, dog]               | dragon",
            "kind EXISTS                          | cat,dog,dragon",
            "parentJobId IS NULL                  | ''",
            "seed >= 12000                        | dragon",
            "seed > 9500                          | dragon",
            "score >= 102.4                       | cat,dog",
            "privacy = public AND mimeType = \"image/png\" AND type = inference-txt2img | cat,dog,dragon",
    })
    void selectsTheRightAssets(String filter, String expected) {
        assertThat(matching(filter.trim())).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tags = cat ANDD width > 5   | Invalid filter syntax at position 12 near 'ANDD': expected AND, OR or end of filter",
            "width >                     | Invalid filter syntax at position 8 near end of filter: expected a value",
            "(tags = cat                 | Invalid filter syntax at position 12 near end of filter: expected AND, OR or ')'",
            "aspectRatio = 16:9          | Invalid filter syntax at position 17 near ':': expected AND, OR or end of filter",
            "tags cat                    | Invalid filter syntax at position 6 near 'cat': expected an operator",
            "= cat                       | Invalid filter syntax at position 1 near '=': expected a field name",
            "tags = cat AND              | Invalid filter syntax at position 15 near end of filter: expected a field name",
            "tags IS FULL                | Invalid filter syntax at position 9 near 'FULL': expected EMPTY or NULL after IS",
            "tags = \"cat                | Invalid filter syntax at position 8 near '\"cat': unterminated quoted value",
            "width ! 3                   | Invalid filter syntax at position 7 near '!': expected '!='",
            "tags IN [cat dog]           | Invalid filter syntax at position 14 near 'dog': expected ',' or ']'",
            "tags = cat)                 | Invalid filter syntax at position 11 near ')': expected AND, OR or end of filter",
            "createdAt > yesterday       | Invalid filter syntax at position 13: createdAt compares timestamps such as",
    })
    void pointsAtTheBadToken(String filter, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter.trim()))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageStartingWith(message.trim());
    }

    @Test
    void carriesThePositionOfTheBadToken() {
        assertThatThrownBy(() -> FilterParser.parse("width > 5 OR (tags = cat AND height <)"))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> assertThat(e.position()).isEqualTo(38));
    }

    @Test
    void rejectsUnknownFields() {
        assertThatThrownBy(() -> FilterParser.parse("width > 5 AND foo = 1"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("\"foo\" is not a filterable field (at position 15)");
    }

    @Test
    void reportsEmptyFilter() {
        assertThatThrownBy(() -> FilterParser.parse("   "))
                .hasMessageContaining("near end of filter: expected a condition");
    }
}
