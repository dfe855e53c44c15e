package io.github.camelscenario.scenario;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelscenario.scenario.CrawlPages.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead letter example of docs/consumer.md ("Poison assets and dead letters"), compiled from the page as written and
 * run (its folders moved to a temporary directory): an asset the destination refuses lands in the dead letter folder
 * once, and the feed moves on.
 */
@Timeout(60)
class DocsDeadLetterExampleTest extends ConsumerTestSupport {

    @TempDir
    Path tmp;

    /** The Java block that follows the section's heading, with {@code data/} moved to the temporary directory. */
    private String snippet() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "consumer.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("### Poison assets and dead letters");
        int start = doc.indexOf("```java", section) + "```java".length();
        return doc.substring(start, doc.indexOf("```", start))
                .replace("data/", tmp.toString().replace('\\', '/') + "/");
    }

    private RouteBuilder compiled(String source) throws Exception {
        String name = source.replaceAll("(?s).*public class (\\w+).*", "$1");
        Path dir = tmp.resolve("src");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                dir.toString(), file.toString());
        assertThat(status).as("the snippet compiles").isZero();
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] { dir.toUri().toURL() },
                getClass().getClassLoader());
        return (RouteBuilder) loader.loadClass(name).getDeclaredConstructor().newInstance();
    }

    @Test
    void anAssetTheDestinationRefusesGoesToTheDeadLetterFolderOnceAndTheFeedMovesOn() throws Exception {
        CrawlPages.step(96).stubAll(wireMock, ids("a", 5));
        // the destination refuses a3: a directory stands where its file would go
        Files.createDirectories(tmp.resolve("assets").resolve("a3.json"));
        ScenarioComponent scenario = context.getComponent("scenario", ScenarioComponent.class);
        scenario.getConfiguration().setBaseUrl("http://127.0.0.1:" + wireMock.port() + "/v1");
        scenario.getConfiguration().setApiKey("k");
        scenario.getConfiguration().setApiSecret("s");
        scenario.getConfiguration().setRetryInitialDelay(10);
        context.addRoutes(compiled(snippet()));
        context.start();

        Path dead = tmp.resolve("failed-assets").resolve("a3.json");
        // a3's dead letter may be written before the hits after it reach the assets folder
        await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(dead) && entries(tmp.resolve("assets")) == 5);
        assertThat(Files.readString(dead)).contains("\"id\":\"a3\"");
        try (var written = Files.list(tmp.resolve("assets"))) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a1.json", "a2.json", "a3.json", "a4.json", "a5.json");
        }
        assertThat(Files.isDirectory(tmp.resolve("assets").resolve("a3.json"))).isTrue();
        try (var failed = Files.list(tmp.resolve("failed-assets"))) {
            assertThat(failed.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("a3.json"));
        }
    }

    private static long entries(Path dir) throws Exception {
        try (var listed = Files.list(dir)) {
            return listed.count();
        }
    }
}
