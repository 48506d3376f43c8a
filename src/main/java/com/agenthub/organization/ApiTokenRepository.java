package com.agenthub.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    List<ApiToken> findByOrgIdAndUserIdOrderByCreatedAtDesc(UUID orgId, UUID userId);

    Optional<ApiToken> findByIdAndOrgIdAndUserId(UUID id, UUID orgId, UUID userId);

    boolean existsByTokenHashAndRevokedAtIsNull(String tokenHash);

    @Modifying
    @Query("update ApiToken t set t.revokedAt = current_timestamp where t.orgId = :orgId and t.userId = :userId and t.revokedAt is null")
    int revokeAllOf(UUID orgId, UUID userId);
}
