package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actor's own organization: its overview and settings. */
@Service
public class OrganizationService {

    private final AccessPolicy access;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final Plans plans;
    private final AuditTrail audit;

    OrganizationService(AccessPolicy access, OrganizationRepository organizations, MembershipRepository memberships,
                        Plans plans, AuditTrail audit) {
        this.access = access;
        this.organizations = organizations;
        this.memberships = memberships;
        this.plans = plans;
        this.audit = audit;
    }

    public record Overview(UUID id, String name, Tier tier, PlanView plan, long memberCount, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public Overview overview(Actor actor) {
        access.require(actor, Action.VIEW_ORGANIZATION);
        Organization org = organizations.findById(actor.orgId()).orElseThrow();
        return new Overview(org.id(), org.name(), org.tier(), plans.effectivePlan(org.id(), org.tier()),
                memberships.countByOrgId(org.id()), org.createdAt());
    }

    @Transactional
    public void rename(Actor actor, String newName) {
        access.require(actor, Action.RENAME_ORGANIZATION);
        String name = SignupService.OrganizationNames.validate(newName);
        Organization org = organizations.findById(actor.orgId()).orElseThrow();
        String old = org.name();
        org.rename(name);
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "ORGANIZATION_RENAMED", name, "was " + old);
    }
}
