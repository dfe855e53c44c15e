package io.github.camelscenario.example;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTargetTest {

    @Test
    void noCredentialsMeansTheLocalServer() {
        assertThat(ScenarioTarget.fromEnvironment(Map.of())).isNull();
    }

    @Test
    void ourNamesComeFirstThenTheSdkNames() {
        ScenarioTarget ours = ScenarioTarget.fromEnvironment(Map.of("SCENARIO_API_KEY", "k1", "SCENARIO_API_SECRET", "s1",
                "SCENARIO_SDK_API_KEY", "k2", "SCENARIO_SDK_API_SECRET", "s2"));
        assertThat(ours.apiKey()).isEqualTo("k1");
        ScenarioTarget sdk = ScenarioTarget.fromEnvironment(Map.of("SCENARIO_SDK_API_KEY", "k2",
                "SCENARIO_SDK_API_SECRET", "s2"));
        assertThat(sdk.apiKey()).isEqualTo("k2");
        assertThat(sdk.apiSecret()).isEqualTo("s2");
        assertThat(sdk.toString()).doesNotContain("s2").doesNotContain("k2");
    }

    @Test
    void halfACredentialIsAClearError() {
        assertThatThrownBy(() -> ScenarioTarget.fromEnvironment(Map.of("SCENARIO_API_KEY", "k1")))
                .hasMessageStartingWith("SCENARIO_API_SECRET is not set but SCENARIO_API_KEY is");
    }
}
