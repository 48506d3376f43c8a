package com.agenthub.agent;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentRepository extends JpaRepository<Agent, UUID> {

    Optional<Agent> findByIdAndOrgIdAndDeletedAtIsNull(UUID id, UUID orgId);

    long countByOrgIdAndDeletedAtIsNull(UUID orgId);

    Optional<Agent> findByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(UUID orgId, String name);

    boolean existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(UUID orgId, String name);

    boolean existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNullAndIdNot(UUID orgId, String name, UUID id);
}
