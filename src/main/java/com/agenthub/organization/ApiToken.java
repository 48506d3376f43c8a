package com.agenthub.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_tokens")
class ApiToken {

    @Id
    private UUID id;
    private UUID orgId;
    private UUID userId;
    private String name;
    private String tokenPrefix;
    private String tokenHash;
    @Column(insertable = false, updatable = false)
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;
    @Version
    private Long version;

    protected ApiToken() {
    }

    ApiToken(UUID orgId, UUID userId, String name, String tokenPrefix, String tokenHash) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.userId = userId;
        this.name = name;
        this.tokenPrefix = tokenPrefix;
        this.tokenHash = tokenHash;
    }

    void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    ApiTokenView toView() {
        return new ApiTokenView(id, name, tokenPrefix, createdAt, lastUsedAt, revokedAt);
    }
}
