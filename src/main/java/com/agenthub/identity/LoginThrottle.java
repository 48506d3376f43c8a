package com.agenthub.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted in {@link AttemptBuckets} so every instance shares them.
 *
 * <p>Nothing here is counted per account alone: a per-account limit lets anyone lock a user out by
 * guessing their password from elsewhere. Instead two budgets apply, both only to failures:
 * <ul>
 * <li>per client address and account: 5 failures, then one more a minute, so one address cannot keep
 *     guessing one password, while the real user on another address is never slowed down;
 * <li>per client address: 20 failures in 10 minutes across all accounts, so one address cannot spray
 *     many accounts instead.</li>
 * </ul>
 * An attempt takes a token from both before the password is checked, so parallel guesses cannot run past
 * the limit; a successful sign-in gives the address's token back and resets the pair, so signing in never
 * counts against anyone. Guessing from many addresses is left to the password rules (common passwords are
 * refused), as refusing an account on it would hand the lock-out back to the attacker.
 */
@Component
public class LoginThrottle {

    private static final BucketConfiguration PER_ADDRESS_AND_ACCOUNT = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(5)))
            .build();
    private static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(20).refillGreedy(20, Duration.ofMinutes(10)))
            .build();

    private final AttemptBuckets buckets;

    LoginThrottle(AttemptBuckets buckets) {
        this.buckets = buckets;
    }

    /** Takes one attempt before the password is checked; when refused, says how long to wait. */
    public Optional<Duration> tryAttempt(String clientAddress, String email) {
        BucketProxy pair = pair(clientAddress, email);
        var byPair = pair.tryConsumeAndReturnRemaining(1);
        if (!byPair.isConsumed()) {
            return Optional.of(Duration.ofNanos(byPair.getNanosToWaitForRefill()));
        }
        var byAddress = address(clientAddress).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            pair.addTokens(1);
            return Optional.of(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    /** The attempt was the right password: it was not a failure, and the pair starts afresh. */
    public void succeeded(String clientAddress, String email) {
        address(clientAddress).addTokens(1);
        pair(clientAddress, email).reset();
    }

    private BucketProxy pair(String clientAddress, String email) {
        return buckets.bucket("login-pair:" + clientAddress + "|" + EmailAddress.normalize(email),
                PER_ADDRESS_AND_ACCOUNT);
    }

    private BucketProxy address(String clientAddress) {
        return buckets.bucket("login-ip:" + clientAddress, PER_ADDRESS);
    }
}
