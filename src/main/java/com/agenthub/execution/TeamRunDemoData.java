package com.agenthub.execution;

import com.agenthub.organization.DemoData;
import com.agenthub.shared.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real runs of Acme's demo teams: queued once at start for each team that has none, and played by the engine on the
 * sandbox model like any run, so the demo shows every pattern's timeline, steps and (democratic) ballot as they are.
 */
@Component
@Profile("demo")
@Order(50)
class TeamRunDemoData implements ApplicationRunner {

    private static final List<String> TASKS = List.of(
            "Plan the launch of our spring campaign for the new project-management plan",
            "Summarize what our three largest customers asked for this quarter and what we should build first");

    private final JdbcClient jdbc;
    private final ExecutionRecords records;
    private final TransactionTemplate transaction;

    TeamRunDemoData(JdbcClient jdbc, ExecutionRecords records, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.records = records;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantContext.runAs(DemoData.ACME, () -> transaction.executeWithoutResult(status -> {
            UUID owner = jdbc.sql("SELECT user_id FROM memberships WHERE org_id = ? AND role = 'OWNER' LIMIT 1")
                    .param(DemoData.ACME).query(UUID.class).optional().orElse(null);
            List<Team> teams = jdbc.sql("""
                            SELECT t.id, t.pattern FROM teams t WHERE t.org_id = ? AND t.deleted_at IS NULL
                               AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.team_id = t.id) ORDER BY t.name""")
                    .param(DemoData.ACME).query((rs, n) -> new Team((UUID) rs.getObject(1), rs.getString(2))).list();
            for (Team team : teams) {
                for (String task : TASKS) {
                    UUID id = UUID.randomUUID();
                    records.insertTeamRun(id, DemoData.ACME, team.id(), team.pattern(), task, null, 50, owner,
                            Instant.now().plusSeconds(600));
                    records.event(DemoData.ACME, id, "QUEUED", "Queued by the demo data.");
                }
            }
        }));
    }

    private record Team(UUID id, String pattern) {
    }
}
