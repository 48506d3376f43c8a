package com.agenthub.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Throttling buckets held in PostgreSQL, so every instance counts against the same ones. */
@Component
class AttemptBuckets {

    private final ProxyManager<String> buckets;

    AttemptBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(5)))
                .build();
    }

    BucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.getProxy(key, () -> configuration);
    }
}
