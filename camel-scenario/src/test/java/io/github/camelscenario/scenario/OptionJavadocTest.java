package io.github.camelscenario.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option descriptions in the generated metadata (and so in every Camel tool) are our javadoc as
 * camel-component-maven-plugin sanitizes it: it keeps letters, digits, spaces and {@code .,-='/\!&%():;#${}} and
 * silently drops any other character ("1 + prefetchPages" became "1 prefetchPages", {@code "16:9"} lost its quotes).
 * So an option's javadoc must use none of the dropped characters.
 */
class OptionJavadocTest {

    private static final String KEPT = ".,-='/\\!&%():;#${}";
    /** A javadoc comment right before an option annotation, not crossing into an earlier comment. */
    private static final Pattern OPTION_DOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*@(UriParam|UriPath|Metadata)", Pattern.DOTALL);

    @Test
    void optionJavadocUsesOnlyCharactersTheGeneratorKeeps() throws Exception {
        List<String> damaged = new ArrayList<>();
        for (String source : new String[] { "ScenarioConfiguration", "ScenarioEndpoint", "ScenarioComponent" }) {
            String text = Files.readString(
                    Path.of("src/main/java/io/github/camelscenario/scenario/" + source + ".java"));
            Matcher m = OPTION_DOC.matcher(text);
            while (m.find()) {
                String doc = m.group(1).replaceAll("(?m)^\\s*\\* ?", "")
                        .replaceAll("\\{@\\w+\\s+([^}]*)}", "$1") // {@code x}, {@link x}: the generator keeps x
                        .replaceAll("<[^>]*>", ""); // and drops HTML tags
                for (char c : doc.toCharArray()) {
                    if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && KEPT.indexOf(c) < 0) {
                        damaged.add(source + ": '" + c + "' in: " + doc.strip());
                        break;
                    }
                }
            }
        }
        assertThat(damaged).as("option javadoc with characters the metadata generator drops").isEmpty();
    }
}
