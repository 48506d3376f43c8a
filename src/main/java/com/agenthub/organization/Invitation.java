package com.agenthub.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "invitations")
class Invitation {

    static final Duration VALIDITY = Duration.ofDays(7);

    enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    @Id
    private UUID id;
    private UUID orgId;
    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String tokenHash;
    private UUID invitedBy;
    @Column(insertable = false, updatable = false)
    private Instant createdAt;
    private Instant expiresAt;
    private Instant acceptedAt;
    private Instant revokedAt;
    @Version
    private Long version;

    protected Invitation() {
    }

    Invitation(UUID orgId, String email, Role role, String tokenHash, UUID invitedBy) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.expiresAt = Instant.now().plus(VALIDITY);
    }

    Status status() {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return Instant.now().isAfter(expiresAt) ? Status.EXPIRED : Status.PENDING;
    }

    void accept() {
        this.acceptedAt = Instant.now();
    }

    void revoke() {
        this.revokedAt = Instant.now();
    }

    UUID id() {
        return id;
    }

    UUID orgId() {
        return orgId;
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    UUID invitedBy() {
        return invitedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
