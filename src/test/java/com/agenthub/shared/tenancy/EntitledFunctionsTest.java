package com.agenthub.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database functions that read across organizations refuse callers that are not entitled to them,
 * whatever the code above them does: a request bound to an organization reaches none of them.
 */
@AgentHubTest
class EntitledFunctionsTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired OrganizationMother mother;

    @Test
    void aTenantBoundCallerCanCallNoCrossOrganizationFunction() {
        var org = mother.organization(Tier.ENTERPRISE);
        for (String call : new String[] {"SELECT count(*) FROM admin_organizations(NULL, 10, 0)",
                "SELECT count(*) FROM admin_audit_events(NULL, NULL, NULL, NULL, NULL, 10, 0)", "SELECT count(*) FROM dispatch_executions(10)",
                "SELECT count(*) FROM admin_queue_depth()", "SELECT count(*) FROM dispatch_executions_unchecked(10)"}) {
            assertThatThrownBy(() -> TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(s ->
                    jdbc.queryForObject(call, Long.class)))).as(call).rootCause().hasMessageContaining("permission denied")
                    .hasMessageNotContaining("relation");
        }
        assertThatThrownBy(() -> TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(s ->
                jdbc.queryForObject("SELECT count(*) FROM admin_run_stats(?)", Long.class, Timestamp.from(Instant.now())))))
                .rootCause().hasMessageContaining("platform admins only");
    }

    @Test
    void aPlatformAdminMayListOrganizationsAndAuditButAnOrdinaryUserMayNot() {
        var org = mother.organization(Tier.FREE);
        String list = "SELECT count(*) FROM admin_organizations(NULL, 10, 0)";
        try (var admin = PlatformAdminContext.open(mother.superAdmin().id())) {
            Long organizations = transaction.execute(s -> jdbc.queryForObject(list, Long.class));
            Long events = transaction.execute(s -> jdbc.queryForObject("SELECT count(*) FROM admin_audit_events(NULL, NULL, NULL, NULL, NULL, 10000, 0)",
                    Long.class));
            assertThat(organizations).isPositive();
            assertThat(events).isBetween(1L, 200L); // bounded, whatever is asked
        }
        try (var pretender = PlatformAdminContext.open(org.owner().id())) {
            assertThatThrownBy(() -> transaction.execute(s -> jdbc.queryForObject(list, Long.class)))
                    .rootCause().hasMessageContaining("platform admins only");
        }
        // System work (the metrics) binds no organization and reads aggregates only.
        Long depth = transaction.execute(s -> jdbc.queryForObject("SELECT count(*) FROM admin_queue_depth()", Long.class));
        assertThat(depth).isNotNegative();
    }
}
