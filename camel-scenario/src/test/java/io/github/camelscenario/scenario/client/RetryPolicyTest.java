package io.github.camelscenario.scenario.client;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

    @RepeatedTest(20)
    void backoffDoublesWithJitterWithinHalfAndFull() {
        assertThat(policy.delayBefore(1, null).toMillis()).isBetween(50L, 100L);
        assertThat(policy.delayBefore(2, null).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayBefore(3, null).toMillis()).isBetween(200L, 400L);
        assertThat(policy.delayBefore(10, null).toMillis()).isBetween(500L, 1000L);
        assertThat(policy.delayBefore(64, null).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void serverHintWinsButIsCapped() {
        assertThat(policy.delayBefore(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.delayBefore(1, Duration.ofHours(1))).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void onlyTransientStatusesAreRetryable() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(502)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(504)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(501)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("retryMaxDelay (PT1S) must be at least retryInitialDelay (PT2S)");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("retryInitialDelay must be 0 or more");
    }
}
