package com.agenthub.shared.tenancy;

import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds the tenant (and, on the admin pages, the acting platform admin) on the transaction's own connection
 * right after it begins. The setting is
 * transaction-local ({@code set_config(..., true)}), so nothing leaks to the next user of the pooled
 * connection; JPA, JdbcTemplate and JdbcClient in the same transaction all see it.
 */
class TenantBindingTransactionManager extends JpaTransactionManager {

    TenantBindingTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        UUID orgId = TenantContext.current().orElse(null);
        UUID platformAdmin = PlatformAdminContext.current().orElse(null);
        if (orgId == null && platformAdmin == null) {
            return;
        }
        var holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(getDataSource());
        try (PreparedStatement statement = holder.getConnection()
                .prepareStatement("select set_config('app.org_id', ?, true), set_config('app.platform_admin', ?, true)")) {
            statement.setString(1, orgId == null ? "" : orgId.toString());
            statement.setString(2, platformAdmin == null ? "" : platformAdmin.toString());
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            abandon(transaction);
            throw new CannotCreateTransactionException("could not bind the organization to the transaction", e);
        }
    }

    /**
     * The pgJDBC connection sends nothing until its first statement, so a connection the database dropped
     * fails here, after {@code super.doBegin} bound the entity manager and connection to the thread. Spring
     * releases those only for a transaction that began; left bound, every later transaction on this thread
     * would join the dead one (a request thread answering 500, the run-control thread never seeing a cancel).
     */
    private void abandon(Object transaction) {
        var entityManager = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        try {
            if (entityManager != null && entityManager.getEntityManager().getTransaction().isActive()) {
                entityManager.getEntityManager().getTransaction().rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection is gone; closing below is what matters
        } finally {
            doCleanupAfterCompletion(transaction);
        }
    }
}
