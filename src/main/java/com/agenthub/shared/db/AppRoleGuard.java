package com.agenthub.shared.db;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to run when the application's own connection could bypass row-level security: tenant
 * isolation must not depend on code alone.
 */
@Component
@Order(0)
class AppRoleGuard implements ApplicationRunner {

    private final JdbcClient jdbc;

    AppRoleGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        var role = jdbc.sql("""
                        SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
                               EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public'
                                          AND t.tableowner = current_user) AS owns_tables
                          FROM pg_roles r WHERE r.rolname = current_user""")
                .query((rs, n) -> new Role(rs.getString("name"), rs.getBoolean("superuser"),
                        rs.getBoolean("bypass"), rs.getBoolean("owns_tables")))
                .single();
        if (role.superuser || role.bypass || role.ownsTables) {
            throw new IllegalStateException("The application connects as '" + role.name + "', which bypasses "
                    + "row-level security (superuser, BYPASSRLS or table owner). Connect as a plain role; "
                    + "see README, 'External PostgreSQL'.");
        }
    }

    private record Role(String name, boolean superuser, boolean bypass, boolean ownsTables) {
    }
}
