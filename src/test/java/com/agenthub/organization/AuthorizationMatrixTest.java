package com.agenthub.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.identity.PlatformRole;
import com.agenthub.identity.UserAccount;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every action × organization role × tier × platform role, as PRODUCT.md describes it. "y" allowed,
 * "-" refused; a tier name means "allowed from that tier up" (super admins skip tier gates).
 * NONE is a signed-in user who is not a member; SUPER is a super admin who is not a member. A super
 * admin who is also a member gets their role's column plus the SUPER column, without tier gates.
 */
class AuthorizationMatrixTest {

    private static final String MATRIX = """
            action               | OWNER | ADMIN | MEMBER | VIEWER | NONE | SUPER
            VIEW_ORGANIZATION    | y     | y     | y      | y      | -    | -
            RENAME_ORGANIZATION  | y     | y     | -      | -      | -    | -
            VIEW_MEMBERS         | y     | y     | y      | y      | -    | -
            INVITE_MEMBER        | y     | y     | -      | -      | -    | -
            REVOKE_INVITATION    | y     | y     | -      | -      | -    | -
            CHANGE_MEMBER_ROLE   | y     | y     | -      | -      | -    | -
            REMOVE_MEMBER        | y     | y     | -      | -      | -    | -
            TRANSFER_OWNERSHIP   | y     | -     | -      | -      | -    | -
            MANAGE_OWN_API_TOKENS| y     | y     | y      | y      | -    | -
            VIEW_AGENTS          | y     | y     | y      | y      | -    | -
            CREATE_AGENT         | y     | y     | -      | -      | -    | -
            UPDATE_AGENT         | y     | y     | -      | -      | -    | -
            DELETE_AGENT         | y     | y     | -      | -      | -    | -
            RUN_AGENT            | y     | y     | y      | -      | -    | -
            VIEW_EXECUTIONS      | y     | y     | y      | y      | -    | -
            CLEAR_AGENT_MEMORY   | y     | y     | -      | -      | -    | -
            MANAGE_PROVIDER_KEYS | STARTER | STARTER | -    | -      | -    | -
            VIEW_TEAMS           | GROWTH | GROWTH | GROWTH | GROWTH | -   | -
            CREATE_TEAM          | GROWTH | GROWTH | -     | -      | -    | -
            UPDATE_TEAM          | GROWTH | GROWTH | -     | -      | -    | -
            DELETE_TEAM          | GROWTH | GROWTH | -     | -      | -    | -
            RUN_TEAM             | GROWTH | GROWTH | GROWTH | -     | -    | -
            MANAGE_ORGANIZATIONS | -     | -     | -      | -      | -    | y
            VIEW_AUDIT_LOG       | -     | -     | -      | -      | -    | y
            MANAGE_MODEL_CATALOG | -     | -     | -      | -      | -    | y
            VIEW_SYSTEM_STATUS   | -     | -     | -      | -      | -    | y
            """;

    private static final List<String> COLUMNS = List.of("OWNER", "ADMIN", "MEMBER", "VIEWER", "NONE", "SUPER");
    private static final Map<Action, List<String>> EXPECTED = parse();

    @Test
    void theMatrixNamesEveryActionThatExists() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Action.values());
    }

    @TestFactory
    Stream<DynamicTest> everyActionRoleAndTier() {
        return Arrays.stream(Action.values()).flatMap(action -> Arrays.stream(Tier.values()).flatMap(tier ->
                COLUMNS.stream().flatMap(column -> Stream.of(false, true).map(superAdmin -> {
                    if (column.equals("SUPER") && !superAdmin || column.equals("NONE") && superAdmin) {
                        return null;
                    }
                    String name = action + " as " + column + (superAdmin && !column.equals("SUPER") ? "+super admin" : "")
                            + " on " + tier;
                    return DynamicTest.dynamicTest(name, () -> {
                        Actor actor = actor(column, tier, superAdmin);
                        Decision decision = AccessPolicy.decide(actor, action, plan(tier), AuthorizationMatrixTest::lowestTier);
                        boolean expected = expected(action, column, tier, superAdmin);
                        assertThat(decision.allowed()).as(name + ": " + decision.reason()).isEqualTo(expected);
                        if (!decision.allowed()) {
                            assertThat(decision.reason()).isNotBlank();
                        }
                    });
                })).filter(java.util.Objects::nonNull)));
    }

    @Test
    void aSuspendedOrganizationAllowsNothingEvenToItsOwner() {
        var membership = new OrganizationMembership(UUID.randomUUID(), "Acme", Role.OWNER, Tier.ENTERPRISE,
                java.time.Instant.now(), "unpaid invoices");
        Actor owner = new Actor(user(false), membership, List.of(membership));
        for (Action action : Action.values()) {
            if (!action.platform()) {
                Decision decision = AccessPolicy.decide(owner, action, plan(Tier.ENTERPRISE), AuthorizationMatrixTest::lowestTier);
                assertThat(decision.allowed()).as(action.name()).isFalse();
                assertThat(decision.reason()).contains("suspended").contains("unpaid invoices");
            }
        }
    }

    @Test
    void aRefusalNamesTheRoleThatIsNeeded() {
        Decision decision = AccessPolicy.decide(actor("VIEWER", Tier.GROWTH, false), Action.INVITE_MEMBER,
                plan(Tier.GROWTH), AuthorizationMatrixTest::lowestTier);
        assertThat(decision.reason()).isEqualTo("This needs the Admin role or higher; you are Viewer.");
    }

    private static boolean expected(Action action, String column, Tier tier, boolean superAdmin) {
        String cell = EXPECTED.get(action).get(COLUMNS.indexOf(column));
        if (superAdmin && EXPECTED.get(action).get(COLUMNS.indexOf("SUPER")).equals("y")) {
            return true; // the platform role adds what the SUPER column grants to any membership role
        }
        if (cell.equals("-")) {
            return false;
        }
        if (cell.equals("y")) {
            return true;
        }
        return superAdmin || tier.ordinal() >= Tier.valueOf(cell).ordinal();
    }

    private static Actor actor(String column, Tier tier, boolean superAdmin) {
        if (column.equals("NONE") || column.equals("SUPER")) {
            return new Actor(user(superAdmin), null, List.of());
        }
        var membership = new OrganizationMembership(UUID.randomUUID(), "Acme", Role.valueOf(column), tier, null, null);
        return new Actor(user(superAdmin), membership, List.of(membership));
    }

    private static UserAccount user(boolean superAdmin) {
        return new UserAccount(UUID.randomUUID(), "someone@test.example", "Someone",
                superAdmin ? PlatformRole.SUPER_ADMIN : null);
    }

    /** The default plans of PRODUCT.md, as the V1 migration seeds them. */
    private static PlanView plan(Tier tier) {
        Set<Feature> features = switch (tier) {
            case FREE -> EnumSet.noneOf(Feature.class);
            case STARTER -> EnumSet.of(Feature.BYOK);
            case GROWTH, ENTERPRISE -> EnumSet.allOf(Feature.class);
        };
        return new PlanView(tier, tier.label(), features, new EnumMap<>(Limit.class), "NORMAL", 60);
    }

    private static Optional<Tier> lowestTier(Feature feature) {
        return Arrays.stream(Tier.values()).filter(t -> plan(t).has(feature)).findFirst();
    }

    private static Map<Action, List<String>> parse() {
        return MATRIX.lines().skip(1).map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .collect(Collectors.toMap(cells -> Action.valueOf(cells.get(0)), cells -> cells.subList(1, cells.size()),
                        (x, y) -> x, () -> new EnumMap<>(Action.class)));
    }
}
