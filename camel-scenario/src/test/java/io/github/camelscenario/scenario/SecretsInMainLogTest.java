package io.github.camelscenario.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Camel Main run, in a JVM of its own so that its log levels are those a user sets: whichever way the API
 * secret is configured, neither the secret nor the Basic credentials built from it appear in the log, except in the
 * DEBUG loggers docs/component.md names as printing values raw.
 */
class SecretsInMainLogTest {

    private static final String KEY = "main-key";
    private static final String SECRET = "Main-s3cret-never-logged";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));

    /**
     * DEBUG lines that print values as they are, by logger, named in docs/component.md (Credentials): Camel Main's
     * raw property dump and its "Configured property" lines (not its masked ones, "key = value"), Camel's property
     * placeholder resolution, HttpClient's header and wire logs. At INFO, none is allowed.
     */
    private static final Map<String, Pattern> RAW_DEBUG_LINES = Map.of(
            "org.apache.camel.main.BaseMainSupport", Pattern.compile(" {4}\\S+=.*"),
            "org.apache.camel.main.MainHelper", Pattern.compile("Configured property: .*"),
            "org.apache.camel.component.properties.DefaultPropertiesParser", Pattern.compile(".*"),
            "org.apache.camel.impl.engine.DefaultCamelContextExtension", Pattern.compile("Resolved text: .*"),
            "org.apache.hc.client5.http.headers", Pattern.compile(".*"),
            "org.apache.hc.client5.http.wire", Pattern.compile(".*"));
    /** slf4j-simple's line: [thread] LEVEL logger - message. */
    private static final Pattern LINE = Pattern.compile("\\[.*?\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)");

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        // only the right credentials get hits: the run below really used the secret it was given
        server.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH)).withBasicAuth(KEY, SECRET)
                .willReturn(okJson(CrawlPages.page(1, 20, 2, "a1", "a2"))));
        server.stubFor(post(urlPathEqualTo(CrawlPages.SEARCH_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(401)));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "component property, info", "component property, debug",
            "env placeholder, info", "env placeholder, debug",
            "endpoint URI, info", "endpoint URI, debug",
    })
    @Timeout(120)
    void secretIsNotLogged(String configuredAs, String level, @TempDir Path dir) throws Exception {
        List<String> properties = new ArrayList<>(List.of(
                "camel.main.duration-max-messages=1",
                "camel.main.duration-max-seconds=60",
                // a user's own keywords: ours must be added to them, not replace them nor be replaced
                "camel.main.additional-sensitive-keywords=mytoken",
                "camel.component.scenario.base-url=http://127.0.0.1:" + server.port() + "/v1",
                "camel.component.scenario.api-key=" + KEY));
        String uri = "scenario:search?query=cat";
        switch (configuredAs) {
            case "component property" -> properties.add("camel.component.scenario.api-secret=" + SECRET);
            case "env placeholder" -> properties.add("camel.component.scenario.api-secret={{env:SCENARIO_TEST_SECRET}}");
            default -> uri += "&apiSecret=RAW(" + SECRET + ")";
        }
        Path file = dir.resolve("application.properties");
        Files.write(file, properties);

        List<String> log = run(level, file, uri);

        assertThat(log).as("the run searched with the secret").anyMatch(l -> l.contains("found 2 assets"));
        if (!configuredAs.equals("endpoint URI")) {
            assertThat(log).as("Camel Main's configuration summary lists the secret, masked")
                    .anyMatch(l -> l.contains("camel.component.scenario.apiSecret = xxxxxx"));
        }
        List<String> leaks = log.stream()
                .filter(l -> l.contains(SECRET) || l.contains(BASIC))
                .filter(l -> !printsRawAtDebug(l))
                .collect(Collectors.toList());
        assertThat(leaks).as("log lines showing the secret").isEmpty();
    }

    private static boolean printsRawAtDebug(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || !(m.group(1).equals("DEBUG") || m.group(1).equals("TRACE"))) {
            return false;
        }
        Pattern raw = RAW_DEBUG_LINES.get(m.group(2));
        return raw != null && raw.matcher(m.group(3)).matches();
    }

    private static List<String> run(String level, Path properties, String uri) throws Exception {
        ChildJvm.Run run = ChildJvm.run(Duration.ofSeconds(90), Map.of("SCENARIO_TEST_SECRET", SECRET), List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level,
                "-Dorg.slf4j.simpleLogger.log.io.github.camelscenario=" + level,
                "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn"), MainLogRun.class, properties.toString(), uri);
        String text = run.output();
        assertThat(run.exited()).as("Camel Main exited by itself:%n%s", text).isTrue();
        return text.lines().collect(Collectors.toList());
    }
}
