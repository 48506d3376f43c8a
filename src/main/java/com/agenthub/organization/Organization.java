package com.agenthub.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organizations")
class Organization {

    static final int MAX_NAME_LENGTH = 80;

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    private Instant suspendedAt;
    private String suspendedReason;
    @Column(insertable = false, updatable = false)
    private Instant createdAt;
    @Version
    private Long version;

    protected Organization() {
    }

    Organization(UUID id, String name, Tier tier) {
        this.id = id;
        this.name = name;
        this.tier = tier;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void changeTier(Tier newTier) {
        this.tier = newTier;
    }

    void suspend(String reason) {
        this.suspendedAt = Instant.now();
        this.suspendedReason = reason;
    }

    void reinstate() {
        this.suspendedAt = null;
        this.suspendedReason = null;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Tier tier() {
        return tier;
    }

    boolean suspended() {
        return suspendedAt != null;
    }

    Instant suspendedAt() {
        return suspendedAt;
    }

    String suspendedReason() {
        return suspendedReason;
    }

    Instant createdAt() {
        return createdAt;
    }
}
