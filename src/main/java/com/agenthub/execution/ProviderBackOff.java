package com.agenthub.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exponential backoff with jitter between attempts at a provider call, waiting at least as long as the
 * provider asked (its Retry-After), and giving up rather than waiting past the run's deadline.
 */
final class ProviderBackOff implements BackOff {

    /** A provider asking for longer than this is not waited for in full; the run has a deadline anyway. */
    static final Duration LONGEST_HONOURED = Duration.ofSeconds(30);

    private final int maxRetries;
    private final Instant deadline;
    private final AtomicReference<Duration> askedFor = new AtomicReference<>();

    ProviderBackOff(int maxRetries, Instant deadline) {
        this.maxRetries = maxRetries;
        this.deadline = deadline;
    }

    /** The wait the provider asked for with the failure just seen, or null. */
    void providerAsked(Duration wait) {
        askedFor.set(wait);
    }

    @Override
    public BackOffExecution start() {
        ExponentialBackOff exponential = new ExponentialBackOff(300, 2);
        exponential.setJitter(100);
        exponential.setMaxInterval(4_000);
        exponential.setMaxAttempts(maxRetries);
        BackOffExecution execution = exponential.start();
        return () -> {
            long next = execution.nextBackOff();
            if (next == BackOffExecution.STOP) {
                return BackOffExecution.STOP;
            }
            Duration asked = askedFor.getAndSet(null);
            if (asked != null) {
                next = Math.max(next, Math.min(asked.toMillis(), LONGEST_HONOURED.toMillis()));
            }
            if (deadline != null && Instant.now().plusMillis(next).isAfter(deadline)) {
                return BackOffExecution.STOP;
            }
            return next;
        };
    }
}
