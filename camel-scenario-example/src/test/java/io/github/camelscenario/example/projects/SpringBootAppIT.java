package io.github.camelscenario.example.projects;

import java.time.Duration;

import io.github.camelscenario.example.server.LocalScenarioServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * src/it/spring-boot: a Spring Boot 4 application with camel-spring-boot-starter and this component, configured only
 * by camel.component.scenario.* in its application.properties, passes its own tests against the local server. Built
 * by a Maven of its own, so Spring Boot's dependency management never touches the versions of this build.
 */
class SpringBootAppIT {

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void theApplicationsTestsPassAgainstTheLocalServer() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(500).start()) {
            ProjectBuild build = ProjectBuild.againstServer("spring-boot", server);

            ProjectBuild.Result result = build.run(Duration.ofMinutes(9), "verify");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).as(result.output())
                    .contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")
                    .containsPattern("\\d+ assets match, the first is asset_");
            assertThat(server.getSearchesAnswered()).isPositive();
        }
    }
}
