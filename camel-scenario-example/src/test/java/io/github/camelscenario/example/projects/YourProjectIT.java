package io.github.camelscenario.example.projects;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelscenario.example.server.LocalScenarioServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * src/it/your-project, the minimal project of README's "Use it in your project", works as written: built against
 * the installed component, its route searches the local server and logs each hit's id and prompt.
 */
class YourProjectIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMinimalProjectRunsItsRouteAgainstTheLocalServer() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(500).start()) {
            ProjectBuild build = new ProjectBuild("your-project", Map.of(
                    "SCENARIO_BASE_URL", server.getBaseUrl(),
                    "SCENARIO_API_KEY", server.getApiKey(),
                    "SCENARIO_API_SECRET", server.getApiSecret()));

            ProjectBuild.Result result = build.run(Duration.ofMinutes(9), "compile", "exec:exec");

            assertThat(result.exitCode()).as(result.output()).isZero();
            Matcher hit = Pattern.compile("asset_\\w+: .*").matcher(result.output());
            int hits = 0;
            while (hit.find()) {
                assertThat(hit.group().toLowerCase()).contains("cat");
                hits++;
            }
            assertThat(hits).as(result.output()).isEqualTo(5);
            assertThat(server.getSearchesAnswered()).isEqualTo(1);
        }
    }

    @Test
    void theProjectAsksForThisBuildsVersion() throws Exception {
        // README shows this pom: a release that forgets it fails here
        String pom = Files.readString(ProjectBuild.source("your-project").resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>camel-scenario</artifactId>\n            <version>"
                                 + ProjectBuild.componentVersion() + "</version>");
        String bootPom = Files.readString(ProjectBuild.source("spring-boot").resolve("pom.xml"));
        assertThat(bootPom).contains("<artifactId>camel-scenario</artifactId>\n            <version>"
                                     + ProjectBuild.componentVersion() + "</version>");
    }
}
