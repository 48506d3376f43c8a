package com.agenthub.organization;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant isolation proven by the database itself: every query here runs on the application's own
 * connection (the app role), with the service layer out of the way.
 */
@AgentHubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    /** Rows the inserts below refer to, one per organization, created before the checks. */
    private static final Map<UUID, UUID> AGENT_OF = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<UUID, UUID> EXECUTION_OF = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<UUID, UUID> TEAM_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every tenant table, its tenant column, and an INSERT of a new row belonging to an organization. */
    private static final Map<String, TenantTable> TENANT_TABLES = new LinkedHashMap<>();

    static {
        TENANT_TABLES.put("organizations", new TenantTable("id", (org, user) ->
                "INSERT INTO organizations (id, name, tier) VALUES ('" + org + "', 'Intruder', 'FREE')"));
        TENANT_TABLES.put("org_limit_overrides", new TenantTable("org_id", (org, user) ->
                "INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES ('" + org + "', 'max_teams', 99)"));
        TENANT_TABLES.put("memberships", new TenantTable("org_id", (org, user) ->
                "INSERT INTO memberships (id, org_id, user_id, role) VALUES (gen_random_uuid(), '" + org + "', '"
                        + user + "', 'ADMIN')"));
        TENANT_TABLES.put("invitations", new TenantTable("org_id", (org, user) ->
                "INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, expires_at) VALUES "
                        + "(gen_random_uuid(), '" + org + "', 'x@y.z', 'ADMIN', md5(random()::text), '" + user
                        + "', now() + interval '1 day')"));
        TENANT_TABLES.put("api_tokens", new TenantTable("org_id", (org, user) ->
                "INSERT INTO api_tokens (id, org_id, user_id, name, token_prefix, token_hash) VALUES "
                        + "(gen_random_uuid(), '" + org + "', '" + user + "', 'stolen', 'ah_x', md5(random()::text))"));
        TENANT_TABLES.put("agents", new TenantTable("org_id", (org, user) ->
                "INSERT INTO agents (id, org_id, name, provider, model, temperature, max_tokens, top_p, tone, behavior, "
                        + "language_style, memory_mode, memory_max_messages, memory_token_budget) VALUES (gen_random_uuid(), '"
                        + org + "', 'Intruder ' || gen_random_uuid(), 'sandbox', 'sandbox', 0.5, 100, 1, 'CASUAL', 'DIRECT', "
                        + "'CONCISE', 'NONE', 0, 0)"));
        TENANT_TABLES.put("executions", new TenantTable("org_id", (org, user) ->
                "INSERT INTO executions (id, org_id, agent_id, task, status) VALUES (gen_random_uuid(), '" + org + "', '"
                        + AGENT_OF.get(org) + "', 'steal', 'QUEUED')"));
        TENANT_TABLES.put("execution_events", new TenantTable("org_id", (org, user) ->
                "INSERT INTO execution_events (org_id, execution_id, kind, message) VALUES ('" + org + "', '"
                        + EXECUTION_OF.get(org) + "', 'FORGED', 'x')"));
        TENANT_TABLES.put("agent_memory", new TenantTable("org_id", (org, user) ->
                "INSERT INTO agent_memory (org_id, agent_id, role, content, tokens) VALUES ('" + org + "', '"
                        + AGENT_OF.get(org) + "', 'USER', 'planted', 1)"));
        TENANT_TABLES.put("provider_keys", new TenantTable("org_id", (org, user) ->
                "INSERT INTO provider_keys (org_id, provider, encrypted_key, key_hint) VALUES ('" + org
                        + "', 'groq', '\\x00'::bytea, '…x')"));
        TENANT_TABLES.put("execution_usage", new TenantTable("org_id", (org, user) ->
                "INSERT INTO execution_usage (org_id, month, executions) VALUES ('" + org + "', '2001-01-01', 1)"));
        TENANT_TABLES.put("teams", new TenantTable("org_id", (org, user) ->
                "INSERT INTO teams (id, org_id, name, pattern, timeout_seconds) VALUES (gen_random_uuid(), '" + org
                        + "', 'Intruder ' || gen_random_uuid(), 'PIPELINE', 60)"));
        TENANT_TABLES.put("team_members", new TenantTable("org_id", (org, user) ->
                "INSERT INTO team_members (team_id, org_id, agent_id, position, role) VALUES ('" + TEAM_OF.get(org) + "', '"
                        + org + "', '" + AGENT_OF.get(org) + "', 7, 'Spy')"));
        TENANT_TABLES.put("team_votes", new TenantTable("org_id", (org, user) ->
                "INSERT INTO team_votes (execution_id, org_id, voter_agent_id, voter_step_id, reason) VALUES ('"
                        + EXECUTION_OF.get(org) + "', '" + org + "', gen_random_uuid(), '" + EXECUTION_OF.get(org) + "', 'forged')"));
        TENANT_TABLES.put("audit_events", new TenantTable("org_id", (org, user) ->
                "INSERT INTO audit_events (org_id, action) VALUES ('" + org + "', 'FORGED')"));
    }

    record TenantTable(String column, BiFunction<UUID, UUID, String> insert) {
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired OrganizationMother mother;
    @Autowired InvitationService invitations;
    @Autowired ApiTokenService tokens;
    @Autowired UserAccounts users;
    @Autowired AgentService agents;
    @Autowired com.agenthub.llm.ProviderKeys providerKeys;
    @Autowired com.agenthub.execution.ExecutionService executions;
    @Autowired com.agenthub.team.TeamMother teamMother;

    OrganizationMother.TestOrg a;
    OrganizationMother.TestOrg b;
    UUID outsider;

    @BeforeAll
    void twoOrganizationsWithRowsInEveryTable() {
        a = mother.organization(Tier.GROWTH);
        b = mother.organization(Tier.GROWTH);
        for (var org : new OrganizationMother.TestOrg[] {a, b}) {
            Actor owner = mother.owner(org);
            TenantContext.runAs(org.id(), () -> {
                invitations.invite(owner, OrganizationMother.uniqueEmail("invitee"), Role.MEMBER);
                tokens.create(owner, "rls test");
                transaction.executeWithoutResult(s -> jdbc.update(
                        "INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES (?, 'max_agents', 7)",
                        org.id()));
                UUID agentId = agents.create(owner, AgentMother.settings("RLS agent")).id();
                AGENT_OF.put(org.id(), agentId);
                EXECUTION_OF.put(org.id(), executions.submit(owner, agentId,
                        new com.agenthub.execution.SubmitRun("remember this", null, null)).id());
                providerKeys.save(owner, com.agenthub.llm.Provider.OPENAI, "sk-test-" + org.id());
                transaction.executeWithoutResult(s -> jdbc.update(
                        "INSERT INTO agent_memory (org_id, agent_id, role, content, tokens) VALUES (?, ?, 'USER', 'hi', 1)",
                        org.id(), agentId));
            });
        }
        for (var org : new OrganizationMother.TestOrg[] {a, b}) {
            var team = teamMother.team(org, com.agenthub.team.TeamPattern.DEMOCRATIC, null, false, "Voter", "Other");
            TEAM_OF.put(org.id(), team.id());
            Actor owner = mother.owner(org);
            UUID run = TenantContext.callAs(org.id(), () -> executions.submitTeam(owner, team.id(),
                    new com.agenthub.execution.SubmitRun("vote on this", null, null)).id());
            Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> TenantContext.callAs(org.id(),
                    () -> executions.votes(owner, run)).size() == 2);
        }
        outsider = users.register(OrganizationMother.uniqueEmail("outsider"), "Outsider", OrganizationMother.PASSWORD).id();
    }

    @Test
    void everyTableWithATenantColumnIsForcedUnderRowLevelSecurity() {
        var tables = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind = 'r'
                   AND (c.relname = 'organizations' OR EXISTS (SELECT 1 FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped))""", String.class);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(TENANT_TABLES.keySet());
        for (String table : tables) {
            var flags = jdbc.queryForMap("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ?", table);
            assertThat(flags).as(table).containsEntry("relrowsecurity", true).containsEntry("relforcerowsecurity", true);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_policies WHERE tablename = ?", Long.class, table))
                    .as("policies on " + table).isPositive();
        }
    }

    @Test
    void theApplicationConnectsAsAPlainRoleThatOwnsNothing() {
        var role = jdbc.queryForMap("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tableowner = current_user", Long.class))
                .isZero();
    }

    @TestFactory
    Stream<DynamicTest> withNoOrganizationBoundNothingIsVisibleOrWritable() {
        return TENANT_TABLES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String table = e.getKey();
            assertThat(inTransaction(null, () -> jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)))
                    .isZero();
            assertRefusedByRowLevelSecurity(null, e.getValue().insert().apply(a.id(), outsider));
        }));
    }

    @TestFactory
    Stream<DynamicTest> withOrganizationABoundOnlyAsRowsAreVisibleAndBsAreUntouchable() {
        return TENANT_TABLES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String table = e.getKey();
            String column = e.getValue().column();
            long own = inTransaction(a.id(), () -> jdbc.queryForObject(
                    "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Long.class, a.id()));
            long others = inTransaction(a.id(), () -> jdbc.queryForObject(
                    "SELECT count(*) FROM " + table + " WHERE " + column + " <> ?", Long.class, a.id()));
            long bsRowsSeenByB = inTransaction(b.id(), () -> jdbc.queryForObject(
                    "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Long.class, b.id()));
            assertThat(own).as("A's own rows in " + table).isPositive();
            assertThat(bsRowsSeenByB).as("B's rows exist in " + table).isPositive();
            assertThat(others).as("other tenants' rows visible to A in " + table).isZero();

            assertRefusedByRowLevelSecurity(a.id(), e.getValue().insert().apply(b.id(), outsider));
            if (!table.equals("audit_events")) { // append-only: no UPDATE or DELETE privilege at all
                assertThat(inTransaction(a.id(), () -> jdbc.update(
                        "UPDATE " + table + " SET " + column + " = " + column + " WHERE " + column + " = ?", b.id())))
                        .as("rows of B updated by A").isZero();
                assertThat(inTransaction(a.id(), () -> jdbc.update(
                        "DELETE FROM " + table + " WHERE " + column + " = ?", b.id())))
                        .as("rows of B deleted by A").isZero();
            }
        }));
    }

    @Test
    void moveARowToAnotherOrganizationIsRefused() {
        assertRefusedByRowLevelSecurity(a.id(),
                "UPDATE api_tokens SET org_id = '" + b.id() + "' WHERE org_id = '" + a.id() + "'");
    }

    private void assertRefusedByRowLevelSecurity(UUID orgId, String sql) {
        assertThatThrownBy(() -> inTransaction(orgId, () -> jdbc.update(sql)))
                .as(sql)
                .hasStackTraceContaining("row-level security");
    }

    private <T> T inTransaction(UUID orgId, java.util.function.Supplier<T> work) {
        if (orgId == null) {
            return transaction.execute(s -> work.get());
        }
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> work.get()));
    }
}
