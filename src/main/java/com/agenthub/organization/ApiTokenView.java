package com.agenthub.organization;

import java.time.Instant;
import java.util.UUID;

public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                           Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
