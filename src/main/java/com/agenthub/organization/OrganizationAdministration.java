package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import com.agenthub.shared.PageSlice;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The super admin's deliberate path into other organizations: listing goes through a narrow database
 * function; a change binds the target organization explicitly (row-level security still applies) and
 * is written to the audit log in the same transaction.
 */
@Service
public class OrganizationAdministration {

    private final AccessPolicy access;
    private final OrganizationRepository organizations;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OrganizationAdministration(AccessPolicy access, OrganizationRepository organizations, AuditTrail audit,
                               JdbcClient jdbc, TransactionTemplate transaction) {
        this.access = access;
        this.organizations = organizations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public record OrganizationSummary(UUID id, String name, Tier tier, long memberCount, Instant suspendedAt,
                                      String suspendedReason, Instant createdAt) {

        public boolean suspended() {
            return suspendedAt != null;
        }
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true) // binds the platform admin for the query
    public PageSlice<OrganizationSummary> list(Actor actor, String search, int limit, int offset) {
        access.require(actor, Action.MANAGE_ORGANIZATIONS);
        String term = search == null || search.isBlank() ? null : search.strip();
        long[] total = {0};
        var items = jdbc.sql("SELECT * FROM admin_organizations(?, ?, ?)")
                .params(term, limit, offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_count");
                    Timestamp suspendedAt = rs.getTimestamp("suspended_at");
                    return new OrganizationSummary((UUID) rs.getObject("org_id"), rs.getString("org_name"),
                            Tier.valueOf(rs.getString("tier")), rs.getLong("member_count"),
                            suspendedAt == null ? null : suspendedAt.toInstant(), rs.getString("suspended_reason"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
        return new PageSlice<>(items, total[0], limit, offset);
    }

    public OrganizationSummary get(Actor actor, UUID orgId) {
        access.require(actor, Action.MANAGE_ORGANIZATIONS);
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> {
            Organization org = load(orgId);
            long members = jdbc.sql("SELECT count(*) FROM memberships WHERE org_id = ?").param(orgId)
                    .query(Long.class).single();
            return new OrganizationSummary(org.id(), org.name(), org.tier(), members,
                    org.suspendedAt(), org.suspendedReason(), org.createdAt());
        }));
    }

    public void changeTier(Actor actor, UUID orgId, Tier tier) {
        access.require(actor, Action.MANAGE_ORGANIZATIONS);
        inOrganization(orgId, org -> {
            Tier old = org.tier();
            org.changeTier(tier);
            auditAs(actor, orgId, "ORGANIZATION_TIER_CHANGED", org.name(), old + " -> " + tier);
        });
    }

    public void suspend(Actor actor, UUID orgId, String reason) {
        access.require(actor, Action.MANAGE_ORGANIZATIONS);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300) {
            throw new InvalidRequestException("reason", "Give a reason (up to 300 characters); the organization's users see it.");
        }
        inOrganization(orgId, org -> {
            org.suspend(why);
            auditAs(actor, orgId, "ORGANIZATION_SUSPENDED", org.name(), why);
        });
    }

    public void reinstate(Actor actor, UUID orgId) {
        access.require(actor, Action.MANAGE_ORGANIZATIONS);
        inOrganization(orgId, org -> {
            org.reinstate();
            auditAs(actor, orgId, "ORGANIZATION_REINSTATED", org.name(), null);
        });
    }

    private void inOrganization(UUID orgId, java.util.function.Consumer<Organization> change) {
        TenantContext.runAs(orgId, () -> transaction.executeWithoutResult(s -> change.accept(load(orgId))));
    }

    private Organization load(UUID orgId) {
        return organizations.findById(orgId).orElseThrow(() -> new NotFoundException("No such organization."));
    }

    private void auditAs(Actor actor, UUID orgId, String action, String target, String detail) {
        audit.record(orgId, actor.userId(), actor.user().email(), action, target, detail);
    }
}
