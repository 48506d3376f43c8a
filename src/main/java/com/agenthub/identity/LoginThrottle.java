package com.agenthub.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Sign-in attempts per client address and per email, held in PostgreSQL so every instance shares the
 * same buckets.
 */
@Component
public class LoginThrottle {

    private static final BucketConfiguration PER_EMAIL = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(1)))
            .build();
    private static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(30).refillGreedy(30, Duration.ofMinutes(1)))
            .build();

    private final ProxyManager<String> buckets;

    LoginThrottle(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(5)))
                .build();
    }

    /** Consumes one attempt; when refused, says how long to wait. */
    public Optional<Duration> tryAttempt(String clientAddress, String email) {
        var byAddress = buckets.getProxy("login-ip:" + clientAddress, () -> PER_ADDRESS)
                .tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return Optional.of(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
        }
        var byEmail = buckets.getProxy("login-email:" + EmailAddress.normalize(email), () -> PER_EMAIL)
                .tryConsumeAndReturnRemaining(1);
        if (!byEmail.isConsumed()) {
            return Optional.of(Duration.ofNanos(byEmail.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }
}
