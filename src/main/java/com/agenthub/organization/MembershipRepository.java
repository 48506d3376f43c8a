package com.agenthub.organization;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByOrgIdAndUserId(UUID orgId, UUID userId);

    long countByOrgIdAndRole(UUID orgId, Role role);

    long countByOrgId(UUID orgId);

    boolean existsByOrgIdAndUserId(UUID orgId, UUID userId);
}
