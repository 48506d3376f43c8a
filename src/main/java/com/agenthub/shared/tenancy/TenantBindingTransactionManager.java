package com.agenthub.shared.tenancy;

import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds the tenant on the transaction's own connection right after it begins. The setting is
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
        if (orgId == null) {
            return;
        }
        var holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(getDataSource());
        try (PreparedStatement statement = holder.getConnection()
                .prepareStatement("select set_config('app.org_id', ?, true)")) {
            statement.setString(1, orgId.toString());
            statement.execute();
        } catch (SQLException e) {
            throw new CannotCreateTransactionException("could not bind the organization to the transaction", e);
        }
    }
}
