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
@Table(name = "memberships")
class Membership {

    @Id
    private UUID id;
    private UUID orgId;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(insertable = false, updatable = false)
    private Instant createdAt;
    @Version
    private Long version;

    protected Membership() {
    }

    Membership(UUID orgId, UUID userId, Role role) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.userId = userId;
        this.role = role;
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    UUID userId() {
        return userId;
    }

    Role role() {
        return role;
    }
}
