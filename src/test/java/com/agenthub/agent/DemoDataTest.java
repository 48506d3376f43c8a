package com.agenthub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.DemoData;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.DemoTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo profile seeds at every start; a second run, as after a restart, must change nothing. */
@AgentHubTest
class DemoDataTest {

    @Autowired List<ApplicationRunner> runners;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired DemoTokens tokens;

    @Test
    void seedingAgainChangesNothingAndKeepsTheTokens() throws Exception {
        long agentsBefore = acmeAgents();
        long runsBefore = acmeExecutions();
        String tokenBefore = tokens.of("owner@acme.test");

        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }

        assertThat(agentsBefore).isGreaterThanOrEqualTo(5);
        assertThat(acmeAgents()).isEqualTo(agentsBefore);
        assertThat(runsBefore).isGreaterThanOrEqualTo(300);
        assertThat(acmeExecutions()).isEqualTo(runsBefore);
        assertThat(tokens.of("owner@acme.test")).isEqualTo(tokenBefore);
    }

    @Test
    void theDemoRunsAreWhatTheirAgentsWouldHaveRecordedWithTimelines() {
        long mismatched = TenantContext.callAs(DemoData.ACME, () -> transaction.execute(s -> jdbc.queryForObject("""
                SELECT count(*) FROM executions e JOIN agents a ON a.id = e.agent_id
                 WHERE e.org_id = ? AND e.provider IS NOT NULL AND (e.provider <> a.provider OR e.model <> a.model)""",
                Long.class, DemoData.ACME)));
        long withoutTimeline = TenantContext.callAs(DemoData.ACME, () -> transaction.execute(s -> jdbc.queryForObject("""
                SELECT count(*) FROM executions e WHERE e.org_id = ? AND e.finished_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM execution_events v WHERE v.execution_id = e.id
                                    AND v.kind IN ('FINISHED', 'CANCELLED', 'FAILED', 'TIMED_OUT'))""",
                Long.class, DemoData.ACME)));
        long providerErrorsOnTheSandbox = TenantContext.callAs(DemoData.ACME, () -> transaction.execute(s -> jdbc.queryForObject(
                "SELECT count(*) FROM executions e JOIN agents a ON a.id = e.agent_id WHERE e.org_id = ? "
                        + "AND a.provider = 'sandbox' AND e.error LIKE '%rate limiting%'", Long.class, DemoData.ACME)));

        assertThat(mismatched).isZero();
        assertThat(withoutTimeline).isZero();
        assertThat(providerErrorsOnTheSandbox).isZero();
    }

    private long acmeExecutions() {
        return TenantContext.callAs(DemoData.ACME, () -> transaction.execute(s -> jdbc.queryForObject(
                "SELECT count(*) FROM executions WHERE org_id = ?", Long.class, DemoData.ACME)));
    }

    private long acmeAgents() {
        return TenantContext.callAs(DemoData.ACME, () -> transaction.execute(s -> jdbc.queryForObject(
                "SELECT count(*) FROM agents WHERE org_id = ? AND deleted_at IS NULL AND name IN "
                        + "('Sales Assistant', 'Marketing Writer', 'Finance Analyst', 'Support Agent', 'HR Helper')",
                Long.class, DemoData.ACME)));
    }
}
