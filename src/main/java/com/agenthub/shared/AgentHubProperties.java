package com.agenthub.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param home where local state lives (the embedded database, demo tokens)
 * @param embeddedDb settings of the embedded PostgreSQL used when no external database is configured
 */
@ConfigurationProperties("agenthub")
public record AgentHubProperties(Path home, @DefaultValue EmbeddedDb embeddedDb) {

    /**
     * @param cleanOnStart wipe the data directory first (tests only)
     * @param durable keep fsync and synchronous_commit on; tests may switch it off for speed
     */
    public record EmbeddedDb(@DefaultValue("false") boolean cleanOnStart, @DefaultValue("true") boolean durable) {
    }
}
