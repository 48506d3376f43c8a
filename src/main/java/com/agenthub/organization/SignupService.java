package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import com.agenthub.identity.UserAccount;
import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.InvalidRequestException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** New users get a new FREE organization with themselves as OWNER. */
@Service
public class SignupService {

    private final UserAccounts users;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    SignupService(UserAccounts users, OrganizationRepository organizations, MembershipRepository memberships,
                  AuditTrail audit, TransactionTemplate transaction) {
        this.users = users;
        this.organizations = organizations;
        this.memberships = memberships;
        this.audit = audit;
        this.transaction = transaction;
    }

    public record SignUp(String email, String displayName, String password, String organizationName) {
    }

    public record SignedUp(UserAccount user, UUID orgId) {
    }

    public SignedUp signUp(SignUp command) {
        UUID orgId = UUID.randomUUID();
        return TenantContext.callAs(orgId, () -> transaction.execute(status -> {
            UserAccount user = users.register(command.email(), command.displayName(), command.password());
            createOwnedOrganization(orgId, user, command.organizationName(), Tier.FREE);
            return new SignedUp(user, orgId);
        }));
    }

    /** A signed-in user starts another organization (FREE, as its OWNER). */
    public UUID createOrganization(UserAccount user, String name) {
        UUID orgId = UUID.randomUUID();
        TenantContext.runAs(orgId, () -> transaction.executeWithoutResult(
                status -> createOwnedOrganization(orgId, user, name, Tier.FREE)));
        return orgId;
    }

    /** For seeding: an organization with a given id and tier. The caller binds the organization. */
    void createOwnedOrganization(UUID orgId, UserAccount owner, String name, Tier tier) {
        String trimmed = OrganizationNames.validate(name);
        organizations.save(new Organization(orgId, trimmed, tier));
        memberships.save(new Membership(orgId, owner.id(), Role.OWNER));
        audit.record(orgId, owner.id(), owner.email(), "ORGANIZATION_CREATED", trimmed, "tier " + tier);
    }

    static final class OrganizationNames {

        private OrganizationNames() {
        }

        static String validate(String name) {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidRequestException("organizationName", "Give the organization a name.");
            }
            if (trimmed.length() > Organization.MAX_NAME_LENGTH) {
                throw new InvalidRequestException("organizationName",
                        "Organization names are limited to " + Organization.MAX_NAME_LENGTH + " characters.");
            }
            return trimmed;
        }
    }
}
