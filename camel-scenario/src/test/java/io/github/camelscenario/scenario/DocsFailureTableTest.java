package io.github.camelscenario.scenario;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of component.md's "Failure behaviour" table names a test that exists: the table cannot outlive its proof. */
class DocsFailureTableTest {

    private static final Path DOC = Path.of("..", "docs", "component.md");
    private static final Pattern PROOF = Pattern.compile("\\| `(\\w+)#(\\w+)` \\|\\s*$");
    private static final List<String> PACKAGES = List.of("io.github.camelscenario.scenario",
            "io.github.camelscenario.scenario.client");

    @Test
    void everyRowNamesAnExistingTest() throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("## Failure behaviour");
        assertThat(start).as("component.md has a Failure behaviour section").isNotNegative();
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));

        List<String> rows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| fault")).toList();
        assertThat(rows).hasSizeGreaterThan(10);
        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            Matcher m = PROOF.matcher(row);
            assertThat(m.find()).as("row names its test as `Class#method`: %s", row).isTrue();
            if (!isTest(m.group(1), m.group(2))) {
                missing.add(m.group(1) + "#" + m.group(2));
            }
        }
        assertThat(missing).as("tests named in the Failure behaviour table").isEmpty();
    }

    private static boolean isTest(String className, String methodName) {
        for (String pkg : PACKAGES) {
            try {
                Class<?> type = Class.forName(pkg + "." + className);
                return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(methodName))
                        .anyMatch(DocsFailureTableTest::isTestMethod);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    private static boolean isTestMethod(Method m) {
        return m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class);
    }
}
