package io.github.camelscenario.example.projects;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelscenario.example.server.LocalScenarioServer;
import io.github.camelscenario.scenario.client.HttpScenarioClient;
import io.github.camelscenario.scenario.client.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * src/it/your-project, the minimal project of README's "Use it in your project", works as written with Maven 3.8 and
 * Java 17: built against the installed component, Camel Main finds its Java route and its YAML route as README says;
 * the YAML route searches the local server and logs each hit's id and prompt, the Java one logs a total.
 */
class YourProjectIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theMinimalProjectRunsItsRouteAgainstTheLocalServer() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(500).start()) {
            ProjectBuild build = ProjectBuild.againstServer("your-project", server);

            ProjectBuild.Result result = build.run(Duration.ofMinutes(9), "compile", "exec:exec");

            assertThat(result.exitCode()).as(result.output()).isZero();
            Matcher hit = Pattern.compile("asset_\\w+: .*").matcher(result.output());
            int hits = 0;
            while (hit.find()) {
                assertThat(hit.group().toLowerCase()).contains("cat");
                hits++;
            }
            assertThat(hits).as(result.output()).isEqualTo(5);
            // the Java route, found by camel.main.base-package-scan, and the YAML one each searched once
            assertThat(server.getSearchesAnswered()).isEqualTo(2);
            assertThat(result.output()).contains(dragonsOn(server) + " assets are tagged dragon");
        }
    }

    private static long dragonsOn(LocalScenarioServer server) throws Exception {
        try (HttpScenarioClient client = HttpScenarioClient.builder().baseUrl(server.getBaseUrl())
                .credentials(server.getApiKey(), server.getApiSecret()).build()) {
            return client.search(new SearchRequest().setFilter("tags = dragon").setPage(1).setHitsPerPage(1))
                    .getTotalHits();
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
        String quarkusPom = Files.readString(ProjectBuild.source("quarkus").resolve("pom.xml"));
        assertThat(quarkusPom).contains("<artifactId>camel-scenario</artifactId>\n            <version>"
                                        + ProjectBuild.componentVersion() + "</version>");
    }
}
