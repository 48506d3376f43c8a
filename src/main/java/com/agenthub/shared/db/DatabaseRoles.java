package com.agenthub.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** Creates, idempotently, the database and its two roles in the embedded server, and sets every role's password. */
final class DatabaseRoles {

    static final String DATABASE = "agenthub";
    static final String OWNER_ROLE = "agenthub_owner";
    static final String APP_ROLE = "agenthub_app";

    private DatabaseRoles() {
    }

    static void ensure(DataSource superuser, DatabasePasswords passwords) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
                      END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
                        CREATE ROLE %2$s LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB;
                      END IF;
                    END $$""".formatted(OWNER_ROLE, APP_ROLE));
            boolean exists;
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
            }
            // Set on every start so that the server always matches the file. The driver sends a SCRAM verifier,
            // never the password itself, so it cannot end up in the server's log.
            var driver = connection.unwrap(PGConnection.class);
            for (String role : new String[] {DatabasePasswords.SUPERUSER_ROLE, OWNER_ROLE, APP_ROLE}) {
                driver.alterUserPassword(role, passwords.of(role).toCharArray(), PasswordOnlyHba.METHOD);
            }
        }
    }
}
