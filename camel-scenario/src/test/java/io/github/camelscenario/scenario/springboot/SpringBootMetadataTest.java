package io.github.camelscenario.scenario.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * META-INF/spring-configuration-metadata.json (IDE completion of camel.component.scenario.* in Spring Boot
 * applications) lists every component option of the generated component JSON, with its type, description and
 * default. When an option changes, this test writes the expected file to target/ and fails: copy it over.
 */
class SpringBootMetadataTest {

    private static final Path COMMITTED = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long", "double", "java.lang.Double");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void metadataListsEveryComponentOption() throws Exception {
        String expected = json.writeValueAsString(expectedMetadata()) + "\n";
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!expected.equals(committed)) {
            Path fresh = Path.of("target/spring-configuration-metadata.json");
            Files.writeString(fresh, expected, StandardCharsets.UTF_8);
            assertThat(committed).as("%s is out of step with the component's options: copy %s over it", COMMITTED,
                    fresh).isEqualTo(expected);
        }
    }

    private ObjectNode expectedMetadata() throws Exception {
        JsonNode component;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelscenario/scenario/scenario.json")) {
            component = json.readTree(in);
        }
        ObjectNode metadata = json.createObjectNode();
        ObjectNode group = metadata.putArray("groups").addObject();
        group.put("name", ComponentOptions.PREFIX);
        group.put("type", component.at("/component/javaType").asText());
        group.put("description", component.at("/component/description").asText());

        ArrayNode properties = metadata.putArray("properties");
        ObjectNode enabled = properties.addObject();
        enabled.put("name", ComponentOptions.PREFIX + ".enabled");
        enabled.put("type", "java.lang.Boolean");
        enabled.put("description", "Whether camel.component.scenario.* properties configure the scenario component.");
        enabled.put("defaultValue", true);
        component.get("componentProperties").fields().forEachRemaining(option -> {
            JsonNode o = option.getValue();
            if ("configuration".equals(option.getKey())) {
                return; // the holder of the options below, set as a whole only from Java
            }
            ObjectNode p = properties.addObject();
            p.put("name", ComponentOptions.PREFIX + "." + kebab(option.getKey()));
            String type = "duration".equals(o.path("type").asText()) ? "java.time.Duration"
                    : BOXED.getOrDefault(o.path("javaType").asText(), o.path("javaType").asText());
            p.put("type", type);
            p.put("description", o.path("description").asText());
            p.put("sourceType", component.at("/component/javaType").asText());
            if (o.has("defaultValue")) {
                p.set("defaultValue", o.get("defaultValue"));
            }
        });
        metadata.putArray("hints");
        return metadata;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
