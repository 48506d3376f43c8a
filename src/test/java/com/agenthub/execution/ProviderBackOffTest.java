package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class ProviderBackOffTest {

    @Test
    void growsExponentiallyWithJitterAndStopsAfterTheLastRetry() {
        BackOffExecution waits = new ProviderBackOff(3, null).start();

        assertThat(waits.nextBackOff()).isBetween(200L, 400L);
        assertThat(waits.nextBackOff()).isBetween(400L, 800L); // the jitter grows with the interval
        assertThat(waits.nextBackOff()).isBetween(800L, 1_600L);
        assertThat(waits.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void waitsAtLeastWhatTheProviderAskedForUpToAnUpperBound() {
        ProviderBackOff backOff = new ProviderBackOff(3, null);
        BackOffExecution waits = backOff.start();

        backOff.providerAsked(Duration.ofSeconds(5));
        assertThat(waits.nextBackOff()).isEqualTo(5_000L);
        assertThat(waits.nextBackOff()).isLessThan(1_000L); // asked once, honoured once
        backOff.providerAsked(Duration.ofMinutes(10));
        assertThat(waits.nextBackOff()).isEqualTo(ProviderBackOff.LONGEST_HONOURED.toMillis());
    }

    @Test
    void givesUpRatherThanWaitingPastTheDeadline() {
        ProviderBackOff backOff = new ProviderBackOff(3, Instant.now().plusSeconds(2));
        BackOffExecution waits = backOff.start();

        backOff.providerAsked(Duration.ofSeconds(10));
        assertThat(waits.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }
}
