package com.agenthub.identity;

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
@Table(name = "users")
class User {

    @Id
    private UUID id;
    private String email;
    private String displayName;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private PlatformRole platformRole;
    @Column(insertable = false, updatable = false)
    private Instant createdAt;
    private Instant lastLoginAt;
    @Version
    private Long version;

    protected User() {
    }

    User(String email, String displayName, String passwordHash) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    void markSignedIn() {
        this.lastLoginAt = Instant.now();
    }

    void grantPlatformRole(PlatformRole role) {
        this.platformRole = role;
    }

    void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    UserAccount toAccount() {
        return new UserAccount(id, email, displayName, platformRole);
    }
}
