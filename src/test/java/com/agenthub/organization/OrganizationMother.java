package com.agenthub.organization;

import com.agenthub.identity.UserAccount;
import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds organizations and members with unique names so tests never see each other's data. */
@Component
public class OrganizationMother {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccounts users;
    private final SignupService signups;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final TransactionTemplate transaction;
    private final MembershipDirectory directory;

    OrganizationMother(UserAccounts users, SignupService signups, MembershipRepository memberships,
                       OrganizationRepository organizations, TransactionTemplate transaction,
                       MembershipDirectory directory) {
        this.users = users;
        this.signups = signups;
        this.memberships = memberships;
        this.organizations = organizations;
        this.transaction = transaction;
        this.directory = directory;
    }

    public record TestOrg(UUID id, String name, UserAccount owner) {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    public TestOrg organization(Tier tier) {
        String name = "Org " + UUID.randomUUID().toString().substring(0, 8);
        var result = signups.signUp(new SignupService.SignUp(uniqueEmail("owner"), "Owner of " + name, PASSWORD, name));
        if (tier != Tier.FREE) {
            TenantContext.runAs(result.orgId(), () -> transaction.executeWithoutResult(
                    s -> organizations.findById(result.orgId()).orElseThrow().changeTier(tier)));
        }
        return new TestOrg(result.orgId(), name, result.user());
    }

    public UserAccount member(TestOrg org, Role role) {
        UserAccount user = users.register(uniqueEmail(role.name().toLowerCase()), role.label() + " person", PASSWORD);
        addExisting(org, user, role);
        return user;
    }

    public void addExisting(TestOrg org, UserAccount user, Role role) {
        TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(
                s -> memberships.save(new Membership(org.id(), user.id(), role))));
    }

    public UserAccount superAdmin() {
        UserAccount user = users.register(uniqueEmail("super"), "Platform admin", PASSWORD);
        users.grantPlatformRole(user.id(), com.agenthub.identity.PlatformRole.SUPER_ADMIN);
        return user;
    }

    public UserAccount userWithoutOrganization() {
        return users.register(uniqueEmail("loner"), "Loner", PASSWORD);
    }

    /** The actor as a request would resolve it. */
    public Actor actor(UserAccount user, UUID orgId) {
        List<OrganizationMembership> all = directory.membershipsOf(user.id());
        OrganizationMembership current = all.stream().filter(m -> m.orgId().equals(orgId)).findFirst().orElse(null);
        UserAccount fresh = users.findById(user.id()).orElseThrow();
        return new Actor(fresh, current, all);
    }

    public Actor owner(TestOrg org) {
        return actor(org.owner(), org.id());
    }
}
