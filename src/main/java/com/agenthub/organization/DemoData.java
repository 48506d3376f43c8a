package com.agenthub.organization;

import com.agenthub.identity.PlatformRole;
import com.agenthub.identity.UserAccount;
import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.AgentHubProperties;
import com.agenthub.shared.tenancy.TenantContext;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} profile's organizations, users and API tokens, seeded idempotently (fixed ids; a
 * second start changes nothing). Tokens are written to {@code AGENTHUB_HOME/demo-tokens.properties}.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

    public static final UUID ACME = UUID.fromString("00000000-0000-4000-a000-00000000ac3e");
    public static final UUID GLOBEX = UUID.fromString("00000000-0000-4000-a000-0000000091b0");
    public static final String PASSWORD = "demo-password";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts users;
    private final SignupService signups;
    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final ApiTokenService tokens;
    private final TransactionTemplate transaction;
    private final Path tokenFile;

    DemoData(UserAccounts users, SignupService signups, OrganizationRepository organizations,
             MembershipRepository memberships, ApiTokenService tokens, TransactionTemplate transaction,
             AgentHubProperties properties) {
        this.users = users;
        this.signups = signups;
        this.organizations = organizations;
        this.memberships = memberships;
        this.tokens = tokens;
        this.transaction = transaction;
        this.tokenFile = properties.home().resolve("demo-tokens.properties");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        UserAccount acmeOwner = user("owner@acme.test", "Olivia Owner");
        UserAccount acmeAdmin = user("admin@acme.test", "Adam Admin");
        UserAccount acmeMember = user("member@acme.test", "Mia Member");
        UserAccount acmeViewer = user("viewer@acme.test", "Victor Viewer");
        UserAccount globexOwner = user("owner@globex.test", "Gloria Globex");
        UserAccount superAdmin = user("super@agenthub.test", "Sam Super");
        if (!superAdmin.isSuperAdmin()) {
            users.grantPlatformRole(superAdmin.id(), PlatformRole.SUPER_ADMIN);
        }

        organization(ACME, "Acme", Tier.GROWTH, acmeOwner,
                Map.of(acmeAdmin, Role.ADMIN, acmeMember, Role.MEMBER, acmeViewer, Role.VIEWER));
        organization(GLOBEX, "Globex", Tier.FREE, globexOwner, Map.of());

        Map<UserAccount, UUID> tokenOrgs = new LinkedHashMap<>();
        tokenOrgs.put(acmeOwner, ACME);
        tokenOrgs.put(acmeAdmin, ACME);
        tokenOrgs.put(acmeMember, ACME);
        tokenOrgs.put(acmeViewer, ACME);
        tokenOrgs.put(globexOwner, GLOBEX);
        writeTokens(tokenOrgs);
        log.info("Demo data ready: sign in as owner@acme.test / {}; API tokens in {}", PASSWORD, tokenFile);
    }

    private UserAccount user(String email, String name) {
        return users.findByEmail(email).orElseGet(() -> users.register(email, name, PASSWORD));
    }

    private void organization(UUID orgId, String name, Tier tier, UserAccount owner, Map<UserAccount, Role> others) {
        TenantContext.runAs(orgId, () -> transaction.executeWithoutResult(status -> {
            if (!organizations.existsById(orgId)) {
                signups.createOwnedOrganization(orgId, owner, name, tier);
            }
            others.forEach((user, role) -> {
                if (!memberships.existsByOrgIdAndUserId(orgId, user.id())) {
                    memberships.save(new Membership(orgId, user.id(), role));
                }
            });
        }));
    }

    /** Keeps tokens that are still valid, so scripts holding them keep working across restarts. */
    private void writeTokens(Map<UserAccount, UUID> tokenOrgs) throws IOException {
        Properties existing = new Properties();
        if (Files.exists(tokenFile)) {
            try (Reader reader = Files.newBufferedReader(tokenFile)) {
                existing.load(reader);
            }
        }
        Properties result = new Properties();
        for (var entry : tokenOrgs.entrySet()) {
            UserAccount user = entry.getKey();
            UUID orgId = entry.getValue();
            String kept = existing.getProperty(user.email());
            boolean valid = kept != null && TenantContext.callAs(orgId,
                    () -> transaction.execute(s -> tokens.isActive(kept)));
            if (valid) {
                result.setProperty(user.email(), kept);
                continue;
            }
            Actor actor = TenantContext.callAs(orgId, () -> new Actor(user, membershipIn(orgId, user),
                    java.util.List.of()));
            String secret = TenantContext.callAs(orgId, () -> tokens.create(actor, "demo token").secret());
            result.setProperty(user.email(), secret);
        }
        Files.createDirectories(tokenFile.getParent());
        try (Writer writer = Files.newBufferedWriter(tokenFile)) {
            result.store(writer, "AgentHub demo API tokens: email=token");
        }
    }

    private OrganizationMembership membershipIn(UUID orgId, UserAccount user) {
        return transaction.execute(s -> {
            Organization org = organizations.findById(orgId).orElseThrow();
            Role role = memberships.findByOrgIdAndUserId(orgId, user.id()).orElseThrow().role();
            return new OrganizationMembership(orgId, org.name(), role, org.tier(), null, null);
        });
    }
}
