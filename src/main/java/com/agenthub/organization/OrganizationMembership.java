package com.agenthub.organization;

import java.time.Instant;
import java.util.UUID;

/** One organization a user belongs to, as the organization switcher and the access policy see it. */
public record OrganizationMembership(UUID orgId, String orgName, Role role, Tier tier, Instant suspendedAt,
                                     String suspendedReason) {

    public boolean suspended() {
        return suspendedAt != null;
    }
}
