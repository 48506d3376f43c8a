package com.agenthub.identity;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sign-ups per client address: each creates an organization and an account, and each attempt tells whether
 * an email has an account, so one address gets a few an hour.
 */
@Component
public class SignupThrottle {

    static final int PER_HOUR = 5;
    private static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(PER_HOUR).refillGreedy(PER_HOUR, Duration.ofHours(1)))
            .build();

    private final AttemptBuckets buckets;

    SignupThrottle(AttemptBuckets buckets) {
        this.buckets = buckets;
    }

    /** Takes one sign-up; when refused, says how long to wait. */
    public Optional<Duration> tryAttempt(String clientAddress) {
        var probe = buckets.bucket("signup-ip:" + clientAddress, PER_ADDRESS).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
