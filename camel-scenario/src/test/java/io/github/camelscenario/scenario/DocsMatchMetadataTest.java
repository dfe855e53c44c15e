package io.github.camelscenario.scenario;

import java.io.InputStream;
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
                if (defaultValue != null && row.isPresent()) {
                    assertThat(row.get()).as("documented default of %s", name)
                            .contains("`" + defaultValue.asText().toLowerCase() + "`");
                }
            }
        }
    }
}
