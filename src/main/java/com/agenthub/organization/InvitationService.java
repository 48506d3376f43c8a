package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import com.agenthub.identity.EmailAddress;
import com.agenthub.identity.UserAccount;
import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations by email. The link carries a secret whose hash is stored; no mail server is needed, the
 * inviting admin is shown the link once.
 */
@Service
public class InvitationService {

    private final AccessPolicy access;
    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    InvitationService(AccessPolicy access, InvitationRepository invitations, MembershipRepository memberships,
                      OrganizationRepository organizations, UserAccounts users, AuditTrail audit, JdbcClient jdbc,
                      TransactionTemplate transaction) {
        this.access = access;
        this.invitations = invitations;
        this.memberships = memberships;
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public record InvitationCreated(UUID id, String email, Role role, String token, Instant expiresAt) {
    }

    public record PendingInvitation(UUID id, String email, Role role, Instant createdAt, Instant expiresAt) {
    }

    public enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    public record InvitationPreview(String orgName, String email, Role role, Status status, boolean accountExists) {
    }

    @Transactional
    public InvitationCreated invite(Actor actor, String email, Role role) {
        access.require(actor, Action.INVITE_MEMBER);
        if (role == Role.OWNER) {
            access.require(actor, Action.TRANSFER_OWNERSHIP);
        }
        String normalized = EmailAddress.validate(email);
        Optional<UserAccount> existing = users.findByEmail(normalized);
        if (existing.isPresent() && memberships.existsByOrgIdAndUserId(actor.orgId(), existing.get().id())) {
            throw new InvalidRequestException("email", normalized + " is already a member of this organization.");
        }
        for (Invitation open : invitations.findOpenFor(actor.orgId(), normalized)) {
            // Replacing a live link silently would break the one already sent; resending is a deliberate choice.
            if (open.status() == Invitation.Status.PENDING) {
                throw new InvalidRequestException("email", normalized + " already has a pending invitation. Use Resend on it "
                        + "below to issue a new link; the link sent before then stops working.");
            }
            open.revoke();
        }
        InvitationCreated created = issue(actor, normalized, role);
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "MEMBER_INVITED", normalized, "as " + role);
        return created;
    }

    /** A new link for a pending invitation, same email and role; the old link stops working. */
    @Transactional
    public InvitationCreated resend(Actor actor, UUID invitationId) {
        access.require(actor, Action.INVITE_MEMBER);
        Invitation old = invitations.findById(invitationId)
                .filter(i -> i.orgId().equals(actor.orgId()) && i.status() == Invitation.Status.PENDING)
                .orElseThrow(() -> new NotFoundException("No such pending invitation."));
        if (old.role() == Role.OWNER) {
            access.require(actor, Action.TRANSFER_OWNERSHIP);
        }
        old.revoke();
        InvitationCreated created = issue(actor, old.email(), old.role());
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "INVITATION_RESENT", old.email(),
                "as " + old.role());
        return created;
    }

    private InvitationCreated issue(Actor actor, String email, Role role) {
        String token = SecretTokens.generate("inv_");
        Invitation invitation = invitations.save(
                new Invitation(actor.orgId(), email, role, SecretTokens.hash(token), actor.userId()));
        return new InvitationCreated(invitation.id(), email, role, token, invitation.expiresAt());
    }

    @Transactional(readOnly = true)
    public List<PendingInvitation> pending(Actor actor) {
        access.require(actor, Action.VIEW_MEMBERS);
        return invitations.findPending(actor.orgId(), Instant.now()).stream()
                .map(i -> new PendingInvitation(i.id(), i.email(), i.role(), i.createdAt(), i.expiresAt()))
                .toList();
    }

    @Transactional
    public void revoke(Actor actor, UUID invitationId) {
        access.require(actor, Action.REVOKE_INVITATION);
        Invitation invitation = invitations.findById(invitationId)
                .filter(i -> i.orgId().equals(actor.orgId()))
                .orElseThrow(() -> new NotFoundException("No such invitation."));
        invitation.revoke();
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "INVITATION_REVOKED", invitation.email(), null);
    }

    /** What the invitation page shows to whoever holds the link. */
    public InvitationPreview preview(String token) {
        UUID orgId = orgOf(token);
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> {
            Invitation invitation = load(token);
            String orgName = organizations.findById(orgId).orElseThrow().name();
            return new InvitationPreview(orgName, invitation.email(), invitation.role(),
                    Status.valueOf(invitation.status().name()), users.findByEmail(invitation.email()).isPresent());
        }));
    }

    /** The signed-in user accepts; the invitation must be addressed to their email. Returns the org id. */
    public UUID accept(String token, UserAccount user) {
        UUID orgId = orgOf(token);
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> {
            Invitation invitation = pendingInvitation(token);
            if (!invitation.email().equals(user.email())) {
                throw new InvalidRequestException("This invitation is for " + invitation.email()
                        + ". Sign in with that address to accept it.");
            }
            join(invitation, user);
            return orgId;
        }));
    }

    /** Someone without an account accepts by creating one for the invited email. */
    public UserAccount acceptWithNewAccount(String token, String displayName, String password) {
        UUID orgId = orgOf(token);
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> {
            Invitation invitation = pendingInvitation(token);
            UserAccount user = users.register(invitation.email(), displayName, password);
            join(invitation, user);
            return user;
        }));
    }

    private void join(Invitation invitation, UserAccount user) {
        if (!memberships.existsByOrgIdAndUserId(invitation.orgId(), user.id())) {
            memberships.save(new Membership(invitation.orgId(), user.id(), invitation.role()));
        }
        invitation.accept();
        audit.record(invitation.orgId(), user.id(), user.email(), "INVITATION_ACCEPTED", user.email(),
                "as " + invitation.role());
    }

    private Invitation pendingInvitation(String token) {
        Invitation invitation = load(token);
        switch (invitation.status()) {
            case PENDING -> {
                return invitation;
            }
            case ACCEPTED -> throw new InvalidRequestException("This invitation has already been used.");
            case REVOKED -> throw new InvalidRequestException("This invitation was withdrawn. Ask for a new one.");
            default -> throw new InvalidRequestException("This invitation has expired. Ask for a new one.");
        }
    }

    private Invitation load(String token) {
        return invitations.findById(idOf(token)).orElseThrow(InvitationService::unknown);
    }

    private UUID orgOf(String token) {
        return lookup(token).map(r -> r.orgId).orElseThrow(InvitationService::unknown);
    }

    private UUID idOf(String token) {
        return lookup(token).map(r -> r.invitationId).orElseThrow(InvitationService::unknown);
    }

    private Optional<Lookup> lookup(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT invitation_id, org_id FROM invitation_lookup(?)")
                .param(SecretTokens.hash(token))
                .query((rs, n) -> new Lookup((UUID) rs.getObject(1), (UUID) rs.getObject(2)))
                .optional();
    }

    private static NotFoundException unknown() {
        return new NotFoundException("This invitation link is not valid.");
    }

    private record Lookup(UUID invitationId, UUID orgId) {
    }
}
