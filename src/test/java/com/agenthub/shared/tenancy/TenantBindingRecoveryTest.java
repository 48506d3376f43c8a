package com.agenthub.shared.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection the database dropped (an outage, a restart, a terminated backend) fails on the statement that
 * binds the organization. The thread that met it must work again on its next transaction.
 */
@AgentHubTest
class TenantBindingRecoveryTest {

    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrganizationMother mother;
    @Autowired io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    @Test
    void aThreadWhoseConnectionDiedWorksAgainOnItsNextTransaction() throws Exception {
        var org = mother.organization(Tier.FREE);
        // One thread of its own, like a request or run-control thread that lives on.
        var thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(() -> {
                // The pool usually hands this thread the connection it just returned, without a validity check;
                // under load another thread may take it first, so this is tried until the dead one comes back.
                boolean metADeadConnection = false;
                for (int attempt = 0; attempt < 30 && !metADeadConnection; attempt++) {
                    Integer pid = TenantContext.callAs(org.id(), () -> transaction.execute(s ->
                            jdbc.queryForObject("select pg_backend_pid()", Integer.class)));
                    new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("select pg_terminate_backend(?)",
                            Boolean.class, pid);
                    try {
                        TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(s ->
                                jdbc.queryForObject("select 1", Integer.class)));
                    } catch (RuntimeException e) {
                        assertThat(e).hasMessageContaining("could not bind the organization");
                        metADeadConnection = true;
                    }
                }
                assertThat(metADeadConnection).as("the pool handed back a terminated connection").isTrue();

                assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
                String bound = TenantContext.callAs(org.id(), () -> transaction.execute(s ->
                        jdbc.queryForObject("select current_setting('app.org_id', true)", String.class)));
                assertThat(bound).isEqualTo(org.id().toString());
                return null;
            }).get();
        } finally {
            thread.shutdownNow();
        }
    }
}
