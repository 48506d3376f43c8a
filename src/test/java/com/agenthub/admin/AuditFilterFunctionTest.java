package com.agenthub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.PlatformAdminContext;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The filtered audit function (V12) is entitled and bounded exactly like V11's unfiltered one. */
@AgentHubTest
class AuditFilterFunctionTest {

    static final String FILTERED = "SELECT count(*) FROM admin_audit_events(NULL, NULL, NULL, NULL, NULL, 10000, 0)";

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired OrganizationMother mother;

    @Test
    void onlyABoundPlatformAdminMayCallItAndItReturnsAtMost200Rows() {
        var org = mother.organization(Tier.FREE);
        try (var admin = PlatformAdminContext.open(mother.superAdmin().id())) {
            Long events = transaction.execute(s -> jdbc.queryForObject(FILTERED, Long.class));
            assertThat(events).isBetween(1L, 200L);
        }
        try (var pretender = PlatformAdminContext.open(org.owner().id())) {
            assertThatThrownBy(() -> transaction.execute(s -> jdbc.queryForObject(FILTERED, Long.class)))
                    .rootCause().hasMessageContaining("platform admins only");
        }
        assertThatThrownBy(() -> TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(s ->
                jdbc.queryForObject(FILTERED, Long.class)))).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void aPercentSignInAFilterIsNotAWildcard() {
        try (var admin = PlatformAdminContext.open(mother.superAdmin().id())) {
            Long matches = transaction.execute(s -> jdbc.queryForObject(
                    "SELECT count(*) FROM admin_audit_events(NULL, '%', NULL, NULL, NULL, 200, 0)", Long.class));
            assertThat(matches).isZero();
        }
    }
}
