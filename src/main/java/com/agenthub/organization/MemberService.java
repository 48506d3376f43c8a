package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import com.agenthub.shared.PageSlice;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the actor's organization: list, change role, remove; an organization keeps an OWNER. */
@Service
public class MemberService {

    private final AccessPolicy access;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    MemberService(AccessPolicy access, MembershipRepository memberships, OrganizationRepository organizations,
                  ApiTokenRepository tokens, AuditTrail audit, JdbcClient jdbc) {
        this.access = access;
        this.memberships = memberships;
        this.organizations = organizations;
        this.tokens = tokens;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageSlice<MemberView> list(Actor actor, int limit, int offset) {
        access.require(actor, Action.VIEW_MEMBERS);
        var items = jdbc.sql("""
                        SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
                          FROM memberships m JOIN users u ON u.id = m.user_id
                         WHERE m.org_id = ?
                         ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 WHEN 'MEMBER' THEN 2 ELSE 3 END,
                                  u.email
                         LIMIT ? OFFSET ?""")
                .params(actor.orgId(), limit, offset)
                .query((rs, n) -> new MemberView((UUID) rs.getObject(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list();
        return new PageSlice<>(items, memberships.countByOrgId(actor.orgId()), limit, offset);
    }

    /** One member, or empty when the user is not a member of the actor's organization. */
    @Transactional(readOnly = true)
    public java.util.Optional<MemberView> member(Actor actor, UUID userId) {
        access.require(actor, Action.VIEW_MEMBERS);
        return jdbc.sql("""
                        SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
                          FROM memberships m JOIN users u ON u.id = m.user_id
                         WHERE m.org_id = ? AND m.user_id = ?""")
                .params(actor.orgId(), userId)
                .query((rs, n) -> new MemberView((UUID) rs.getObject(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    @Transactional
    public void changeRole(Actor actor, UUID userId, Role newRole) {
        access.require(actor, Action.CHANGE_MEMBER_ROLE);
        organizations.lockById(actor.orgId()).orElseThrow();
        Membership membership = find(actor, userId);
        Role oldRole = membership.role();
        if (oldRole == newRole) {
            return;
        }
        if (oldRole == Role.OWNER || newRole == Role.OWNER) {
            access.require(actor, Action.TRANSFER_OWNERSHIP);
        }
        if (oldRole == Role.OWNER) {
            requireAnotherOwner(actor);
        }
        membership.changeRole(newRole);
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "MEMBER_ROLE_CHANGED",
                userId.toString(), oldRole + " -> " + newRole);
    }

    @Transactional
    public void remove(Actor actor, UUID userId) {
        access.require(actor, Action.REMOVE_MEMBER);
        organizations.lockById(actor.orgId()).orElseThrow();
        Membership membership = find(actor, userId);
        if (membership.role() == Role.OWNER) {
            access.require(actor, Action.TRANSFER_OWNERSHIP);
            requireAnotherOwner(actor);
        }
        memberships.delete(membership);
        tokens.revokeAllOf(actor.orgId(), userId);
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "MEMBER_REMOVED", userId.toString(),
                "was " + membership.role());
    }

    private Membership find(Actor actor, UUID userId) {
        return memberships.findByOrgIdAndUserId(actor.orgId(), userId)
                .orElseThrow(() -> new NotFoundException("No such member in this organization."));
    }

    private void requireAnotherOwner(Actor actor) {
        if (memberships.countByOrgIdAndRole(actor.orgId(), Role.OWNER) <= 1) {
            throw new InvalidRequestException("role",
                    "An organization must keep at least one owner. Make someone else an owner first.");
        }
    }
}
