package io.github.camelscenario.example;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of README.md and docs/*.md compiles as written against Camel and the component: a whole class as
 * it stands, a few route lines inside a RouteBuilder's configure() (where {@code camelContext} is its context), with
 * the imports an IDE would add. Blocks marked {@code <!-- tested: ... -->} are files that a child project builds; the
 * Kubernetes lease configuration is the one block left out (operations.md says it is not run here: camel-kubernetes
 * is not on any class path of this build).
 */
class DocsJavaSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(<!-- tested[^\\n]*-->\\n)?```java\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("public (?:final )?(?:class|interface) (\\w+)");
    private static final String FRAGMENT_IMPORTS = """
            import java.util.*;
            import org.apache.camel.*;
            import org.apache.camel.builder.RouteBuilder;
            import org.apache.camel.console.*;
            import io.github.camelscenario.example.server.LocalScenarioServer;
            """;

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheDocsCompiles() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            int n = 0;
            while (block.find()) {
                n++;
                String code = block.group(2);
                if (block.group(1) != null || code.contains("KubernetesClusterService")) {
                    continue;
                }
                String name = doc.getFileName().toString().replace(".md", "").replace('-', '_') + "_" + n;
                sources.add(source(name, code));
            }
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(11);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-classpath", classPath(), "-d", classes.toString(), "-proc:none", "-Xlint:none"), null, sources)
                .call();
        assertThat(compiled).as(errors.toString()).isTrue();
    }

    /** A whole compilation unit as written, or route lines wrapped in a RouteBuilder of their own. */
    private static JavaFileObject source(String name, String code) {
        Matcher type = PUBLIC_TYPE.matcher(code);
        if (type.find()) {
            return new Source(type.group(1), code);
        }
        StringBuilder imports = new StringBuilder(FRAGMENT_IMPORTS);
        StringBuilder body = new StringBuilder();
        code.lines().forEach(line -> (line.startsWith("import ") ? imports : body).append(line).append('\n'));
        String wrapped = imports + "\n@SuppressWarnings(\"unchecked\")\npublic class " + name
                         + " extends RouteBuilder {\n    @Override\n    public void configure() throws Exception {\n"
                         + "        CamelContext camelContext = getContext();\n" + body + "    }\n}\n";
        return new Source(name, wrapped);
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Surefire runs the tests from a manifest-only jar and passes the real test class path in this property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(Path.of(className + ".java").toUri(), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
