package io.github.camelscenario.example;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy-paste examples of README.md, docs/kamelets.md and docs/consumer.md are the files the tests run: a code block after
 * {@code <!-- tested: path -->} must equal that file, after {@code <!-- tested excerpt: path -->} appear in it.
 */
class DocsShowTestedFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TESTED = Pattern.compile(
            "<!-- tested( excerpt)?: (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void readmeShowsTheMinimalProjectAndTheSpringBootApplicationAsTested() throws Exception {
        assertThat(checkedBlocks("README.md")).contains(
                "camel-scenario-example/src/it/your-project/pom.xml",
                "camel-scenario-example/src/it/your-project/src/main/resources/application.properties",
                "camel-scenario-example/src/it/your-project/src/main/resources/routes/search.yaml",
                "camel-scenario-example/src/it/your-project/src/main/java/com/example/app/DragonCountRoute.java",
                "camel-scenario-example/src/it/spring-boot/pom.xml",
                "camel-scenario-example/src/it/spring-boot/src/main/resources/application.properties",
                "camel-scenario-example/src/it/quarkus/pom.xml",
                "camel-scenario-example/src/it/quarkus/src/main/resources/application.properties");
    }

    @Test
    void kameletsPageShowsTheRoutesAndPipesAsTested() throws Exception {
        assertThat(checkedBlocks("docs/kamelets.md")).contains(
                "camel-scenario-example/src/test/resources/kamelets-usage/dragon-feed-route.yaml",
                "camel-scenario-example/src/test/resources/kamelets-usage/search-action-route.yaml",
                "camel-scenario-example/src/test/resources/kamelets-usage/similar-pictures-route.yaml",
                "camel-scenario-example/src/test/resources/kamelets-usage/dragon-feed.pipe.yaml",
                "camel-scenario-example/src/test/resources/kamelets-usage/similar-pictures.pipe.yaml");
    }

    @Test
    void consumerPageShowsTheYamlFeedTheQuarkusApplicationRuns() throws Exception {
        assertThat(checkedBlocks("docs/consumer.md"))
                .containsExactly("camel-scenario-example/src/it/quarkus/src/main/resources/routes/feed.yaml");
    }

    /** Checks every marked block of the document; returns the files they showed. */
    private static List<String> checkedBlocks(String document) throws Exception {
        String text = Files.readString(ROOT.resolve(document), StandardCharsets.UTF_8);
        Matcher block = TESTED.matcher(text);
        List<String> files = new ArrayList<>();
        while (block.find()) {
            String file = block.group(2);
            String shown = block.group(3);
            String actual = Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
            if (block.group(1) != null) {
                assertThat(actual).as("%s: the excerpt shown from %s", document, file).contains(shown);
            } else {
                assertThat(shown).as("%s: the copy of %s", document, file).isEqualTo(actual.stripTrailing());
            }
            files.add(file);
        }
        return files;
    }
}
