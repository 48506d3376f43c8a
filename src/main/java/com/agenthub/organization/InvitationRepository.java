package com.agenthub.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    @Query("""
            select i from Invitation i where i.orgId = :orgId and i.acceptedAt is null and i.revokedAt is null
               and i.expiresAt > :now order by i.createdAt desc""")
    List<Invitation> findPending(UUID orgId, Instant now);

    @Query("""
            select i from Invitation i where i.orgId = :orgId and i.email = :email and i.acceptedAt is null
               and i.revokedAt is null""")
    List<Invitation> findOpenFor(UUID orgId, String email);
}
