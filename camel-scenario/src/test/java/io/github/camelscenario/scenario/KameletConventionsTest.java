package io.github.camelscenario.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelscenario.scenario.client.HttpScenarioClient;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kamelets in the jar follow the Kamelet catalog's conventions, which Camel K, Kaoto and JBang rely on: name,
 * type label, title and description, typed and described properties, required ones declared, the secret as a
 * password field, and every property used by the template (and nothing used that is not declared).
 */
class KameletConventionsTest {

    private static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final Pattern HEADER = Pattern.compile("CamelScenario\\w+");
    private static final Map<String, Set<String>> HEADERS_OUT = Map.of(
            "action", Set.of(ScenarioConstants.TOTAL_HITS, ScenarioConstants.TOTAL_PAGES,
                    ScenarioConstants.ESTIMATED_TOTAL_HITS, ScenarioConstants.RESULT_PAGE,
                    ScenarioConstants.RESULT_HITS_PER_PAGE),
            "source", Set.of(ScenarioConstants.ASSET_ID, ScenarioConstants.RESULT_PAGE, ScenarioConstants.TOTAL_HITS));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([\\w.-]+)}}");

    @Test
    void bothKameletsFollowTheCatalogConventions() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(KAMELETS)) {
            files = s.filter(p -> p.toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("scenario-search-action.kamelet.yaml", "scenario-search-source.kamelet.yaml");
        for (Path file : files) {
            check(file);
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        String name = file.getFileName().toString().replace(".kamelet.yaml", "");
        assertThat(kamelet).containsEntry("kind", "Kamelet").containsEntry("apiVersion", "camel.apache.org/v1");

        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(metadata).containsEntry("name", name);
        String type = (String) ((Map<String, Object>) metadata.get("labels")).get("camel.apache.org/kamelet.type");
        assertThat(type).isIn("source", "action", "sink");
        assertThat(name).endsWith("-" + type);

        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        assertThat((String) definition.get("title")).as(name).isNotBlank();
        assertThat((String) definition.get("description")).as(name).isNotBlank();
        // the headers the description names are those the kamelet's messages carry: answers, never the inputs
        Matcher header = HEADER.matcher((String) definition.get("description"));
        while (header.find()) {
            assertThat(header.group()).as(name + " description").isIn(HEADERS_OUT.get(type));
        }
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        assertThat(properties.keySet()).as(name).containsAll((List<String>) definition.get("required"))
                .contains("apiKey", "apiSecret", "baseUrl");
        properties.forEach((property, schema) -> assertThat(schema).as(name + " " + property)
                .containsKeys("title", "description", "type"));
        assertThat(properties.get("apiSecret")).containsEntry("format", "password");
        assertThat(properties.get("baseUrl")).containsEntry("default", HttpScenarioClient.DEFAULT_BASE_URL);
        assertThat((List<String>) properties.get("apiSecret").get("x-descriptors"))
                .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");

        // every {{property}} of the template is declared (or is a bean of the template), every property is used
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        Set<String> beans = new TreeSet<>();
        ((List<Map<String, Object>>) template.get("beans")).forEach(b -> beans.add((String) b.get("name")));
        String templateText = text.substring(text.indexOf("  template:"));
        Set<String> used = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(templateText);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        used.removeAll(beans);
        assertThat(used).as(name).isEqualTo(new TreeSet<>(properties.keySet()));
    }
}
