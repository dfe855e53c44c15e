package io.github.camelscenario.scenario;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/component.md documents every option and header the generated metadata knows, with the same defaults: the docs
 * cannot drift from the code unnoticed.
 */
class DocsMatchMetadataTest {

    private static final Path DOC = Path.of("..", "docs", "component.md");

    @Test
    void everyOptionAndHeaderIsDocumentedWithItsDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelscenario/scenario/scenario.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC);
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            Iterator<Map.Entry<String, JsonNode>> it = metadata.get(section).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> option = it.next();
                String name = option.getKey();
                assertThat(doc).as("%s `%s` is documented in %s", section, name, DOC).contains("`" + name + "`");
                JsonNode defaultValue = option.getValue().get("defaultValue");
                Optional<String> row = doc.lines().filter(l -> l.startsWith("| `" + name + "` |")).findFirst();
                if (row.isPresent() && isUnsetBoolean(name, option.getValue())) {
                    // Camel's generator writes false for every boolean option; an unset Boolean is not sent at all
                    assertThat(row.get().split("\\|")[3].strip()).as("documented default of %s (unset: not sent)", name)
                            .isEmpty();
                } else if (defaultValue != null && row.isPresent()) {
                    assertThat(row.get()).as("documented default of %s", name)
                            .contains("`" + defaultValue.asText().toLowerCase() + "`");
                }
            }
        }
    }

    /** A java.lang.Boolean option that is null until set: the component then sends nothing for it. */
    private static boolean isUnsetBoolean(String name, JsonNode option) throws Exception {
        if (!"java.lang.Boolean".equals(option.path("javaType").asText())
                || !"io.github.camelscenario.scenario.ScenarioConfiguration"
                        .equals(option.path("configurationClass").asText())) {
            return false;
        }
        Method getter = ScenarioConfiguration.class.getMethod("get" + Character.toUpperCase(name.charAt(0))
                                                              + name.substring(1));
        return getter.invoke(new ScenarioConfiguration()) == null;
    }
}
