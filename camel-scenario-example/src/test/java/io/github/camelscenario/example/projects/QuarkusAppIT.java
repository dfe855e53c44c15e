package io.github.camelscenario.example.projects;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelscenario.example.server.LocalScenarioServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * src/it/quarkus: a Camel Quarkus application (JVM mode) with this component as a plain dependency, configured only by
 * camel.component.scenario.* in its application.properties: its Java search route, docs/consumer.md's YAML feed (on
 * the Camel that Camel Quarkus brings, 4.17) and its readiness pass its own tests against the local server. Built by a
 * Maven of its own, so the Quarkus BOM never touches the versions of this build.
 */
class QuarkusAppIT {

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theApplicationsTestsPassAgainstTheLocalServer() throws Exception {
        try (LocalScenarioServer server = LocalScenarioServer.builder().assets(500).start()) {
            ProjectBuild build = ProjectBuild.againstServer("quarkus", server);

            ProjectBuild.Result result = build.run(Duration.ofMinutes(11), "verify");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).as(result.output())
                    .contains("Apache Camel 4.17.0", "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0")
                    .containsPattern("\\d+ assets match, the first is asset_");
            assertThat(server.getSearchesAnswered()).isGreaterThanOrEqualTo(3);
        }
    }
}
