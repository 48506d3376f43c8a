package com.agenthub.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.shared.AgentHubProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedDatabasePasswordsTest {

    private static final String[] ROLES = {DatabasePasswords.SUPERUSER_ROLE, DatabaseRoles.OWNER_ROLE, DatabaseRoles.APP_ROLE};

    @TempDir
    Path home;

    private AgentHubProperties properties() {
        return new AgentHubProperties(home, new AgentHubProperties.EmbeddedDb(false, false));
    }

    @Test
    void aNewDatabaseRefusesEveryRoleOverLoopbackWithoutItsPassword() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabaseStarter.start(properties())) {
            DatabasePasswords passwords = DatabasePasswords.loadOrCreate(DatabasePasswords.file(home));
            assertOnlyTheRightPasswordIsAccepted(postgres.getPort(), passwords);
            assertThat(PasswordOnlyHba.inForce(home.resolve("pgdata"))).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DatabasePasswords.file(home))))
                .isEqualTo("rw-------");
        try (var leftovers = Files.list(home)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pgdata", "pgdata.passwords");
        }
    }

    @Test
    void aDatabaseFromBeforePasswordsIsMigratedInPlaceAndKeepsItsData() throws Exception {
        Path dataDirectory = home.resolve("pgdata");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start()) { // as the previous version left it: initdb's trust
            new JdbcTemplate(old.getPostgresDatabase()).execute("CREATE TABLE kept AS SELECT 'still here' AS value");
        }
        assertThat(DatabasePasswords.file(home)).doesNotExist();

        try (EmbeddedPostgres postgres = EmbeddedDatabaseStarter.start(properties())) {
            DatabasePasswords passwords = DatabasePasswords.loadOrCreate(DatabasePasswords.file(home));
            assertOnlyTheRightPasswordIsAccepted(postgres.getPort(), passwords);
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("SELECT value FROM kept", String.class))
                    .isEqualTo("still here");
        }
        try (EmbeddedPostgres again = EmbeddedDatabaseStarter.start(properties())) { // already migrated
            assertOnlyTheRightPasswordIsAccepted(again.getPort(), DatabasePasswords.loadOrCreate(DatabasePasswords.file(home)));
        }
    }

    @Test
    void aLostPasswordFileStopsTheStartWithAClearMessage() throws Exception {
        EmbeddedDatabaseStarter.start(properties()).close();
        Files.delete(DatabasePasswords.file(home));

        assertThatThrownBy(() -> EmbeddedDatabaseStarter.start(properties()))
                .hasMessageContaining("pgdata.passwords is missing");
    }

    private static void assertOnlyTheRightPasswordIsAccepted(int port, DatabasePasswords passwords) throws SQLException {
        for (String role : ROLES) {
            assertThatThrownBy(() -> connect(port, role, null)).as(role + " without a password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(port, role, passwords.of(role) + "x")).as(role + " with a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            String other = role.equals(DatabaseRoles.APP_ROLE) ? passwords.owner() : passwords.app();
            assertThatThrownBy(() -> connect(port, role, other)).as(role + " with another role's password")
                    .isInstanceOf(SQLException.class);
            try (Connection connection = connect(port, role, passwords.of(role))) {
                assertThat(connection.isValid(2)).as(role + " with its password").isTrue();
            }
        }
    }

    private static Connection connect(int port, String role, String password) throws SQLException {
        var dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"}); // TCP on loopback, as any local process could
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(DatabaseRoles.DATABASE);
        dataSource.setUser(role);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }
}
