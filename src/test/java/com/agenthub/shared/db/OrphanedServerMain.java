package com.agenthub.shared.db;

import com.agenthub.shared.AgentHubProperties;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** Run in a child JVM that the test kills with SIGKILL, leaving its PostgreSQL behind. */
public final class OrphanedServerMain {

    private OrphanedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        var properties = new AgentHubProperties(Path.of(args[0]), new AgentHubProperties.EmbeddedDb(false, true));
        var postgres = EmbeddedDatabaseStarter.start(properties);
        new JdbcTemplate(postgres.getDatabase("postgres", DatabaseRoles.DATABASE))
                .execute("CREATE TABLE survivor (id int)");
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
