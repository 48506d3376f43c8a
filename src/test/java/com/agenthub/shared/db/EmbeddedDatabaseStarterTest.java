package com.agenthub.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.shared.AgentHubProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedDatabaseStarterTest {

    @TempDir
    Path home;

    @Test
    void aSecondStartFindsTheDataOfTheFirst() throws Exception {
        var properties = new AgentHubProperties(home, new AgentHubProperties.EmbeddedDb(false, true));
        try (EmbeddedPostgres first = EmbeddedDatabaseStarter.start(properties)) {
            var jdbc = new JdbcTemplate(first.getDatabase("postgres", DatabaseRoles.DATABASE));
            jdbc.execute("CREATE TABLE kept (value text)");
            jdbc.update("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgres second = EmbeddedDatabaseStarter.start(properties)) {
            var jdbc = new JdbcTemplate(second.getDatabase("postgres", DatabaseRoles.DATABASE));
            assertThat(jdbc.queryForObject("SELECT value FROM kept", String.class)).isEqualTo("still here");
            assertThat(jdbc.queryForObject("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = ?",
                    Boolean.class, DatabaseRoles.APP_ROLE)).isFalse();
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedFirst() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedServerMain.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains("READY")) {
                // start-up output
            }
            assertThat(line).as("child started its database").isNotNull();
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook stops its PostgreSQL
        }
        var properties = new AgentHubProperties(home, new AgentHubProperties.EmbeddedDb(false, true));
        try (EmbeddedPostgres restarted = EmbeddedDatabaseStarter.start(properties)) {
            var jdbc = new JdbcTemplate(restarted.getDatabase("postgres", DatabaseRoles.DATABASE));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM survivor", Long.class)).isZero();
        }
    }
}
