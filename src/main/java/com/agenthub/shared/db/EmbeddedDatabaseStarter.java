package com.agenthub.shared.db;

import com.agenthub.shared.AgentHubProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class EmbeddedDatabaseStarter {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStarter.class);

    private EmbeddedDatabaseStarter() {
    }

    static EmbeddedPostgres start(AgentHubProperties properties) throws IOException {
        Path dataDirectory = properties.home().resolve("pgdata");
        Files.createDirectories(dataDirectory.getParent());
        stopOrphanedServer(dataDirectory);
        String durable = properties.embeddedDb().durable() ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.embeddedDb().cleanOnStart())
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by the application context after everything using it (a bean with a destroy method).
                // Its own shutdown hook ran alongside Spring's graceful shutdown and took the database away
                // from runs and requests still finishing.
                .setRegisterShutdownHook(false)
                .start();
        try {
            DatabaseRoles.ensure(postgres.getPostgresDatabase());
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("could not prepare the embedded database roles", e);
        }
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    /**
     * PostgreSQL outlives a JVM killed with SIGKILL (pg_ctl re-parents it) and keeps its data directory
     * locked: stop such a leftover server before starting our own.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        long pid = server.get().pid();
        log.warn("Stopping a PostgreSQL (pid {}) left running by an earlier process", pid);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an old PostgreSQL", e);
        } catch (Exception e) {
            throw new IOException("could not stop the PostgreSQL left running with pid " + pid, e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
