package com.agenthub.shared.db;

import com.agenthub.shared.AgentHubProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class EmbeddedDatabaseStarter {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStarter.class);

    private EmbeddedDatabaseStarter() {
    }

    static EmbeddedPostgres start(AgentHubProperties properties) throws IOException {
        return start(properties, passwords(properties));
    }

    static DatabasePasswords passwords(AgentHubProperties properties) throws IOException {
        Files.createDirectories(properties.home());
        Path file = DatabasePasswords.file(properties.home());
        Path dataDirectory = properties.home().resolve("pgdata");
        if (!Files.exists(file) && !properties.embeddedDb().cleanOnStart()
                && Files.exists(dataDirectory.resolve("pg_hba.conf")) && PasswordOnlyHba.inForce(dataDirectory)) {
            throw new IllegalStateException(file + " is missing, and the database in " + dataDirectory
                    + " requires its passwords: restore the file from the backup of " + properties.home());
        }
        return DatabasePasswords.loadOrCreate(file);
    }

    /**
     * Its {@code getPostgresDatabase()} and {@code getDatabase("postgres", ...)} carry the superuser's password;
     * connections as other roles must pass their own.
     */
    static EmbeddedPostgres start(AgentHubProperties properties, DatabasePasswords passwords) throws IOException {
        Path dataDirectory = properties.home().resolve("pgdata");
        Files.createDirectories(dataDirectory.getParent());
        stopOrphanedServer(dataDirectory);
        // zonky's own test for whether it runs initdb
        boolean fresh = properties.embeddedDb().cleanOnStart() || !Files.exists(dataDirectory.resolve("postgresql.conf"));
        Path initdbPassword = fresh ? superuserPasswordFile(properties.home(), passwords) : null;
        try {
            EmbeddedPostgres postgres = builder(properties, dataDirectory, passwords, initdbPassword).start();
            try {
                DatabaseRoles.ensure(postgres.getPostgresDatabase(), passwords);
                if (!PasswordOnlyHba.inForce(dataDirectory)) {
                    requirePasswords(postgres, dataDirectory);
                }
            } catch (SQLException | RuntimeException | IOException e) {
                postgres.close();
                throw new IllegalStateException("could not prepare the embedded database roles", e);
            }
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return postgres;
        } finally {
            if (initdbPassword != null) {
                Files.deleteIfExists(initdbPassword);
            }
        }
    }

    private static EmbeddedPostgres.Builder builder(AgentHubProperties properties, Path dataDirectory,
                                                    DatabasePasswords passwords, Path initdbPassword) {
        String durable = properties.embeddedDb().durable() ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
                .setServerConfig("password_encryption", PasswordOnlyHba.METHOD)
                // zonky's own start-up check and its getPostgresDatabase() connect with this.
                .setConnectConfig("password", passwords.superuser());
        if (initdbPassword != null) {
            // zonky hands its "locale" settings to initdb as --key=value, after its own "-A trust": the later
            // --auth wins, so a new cluster never accepts a connection without a password, not even once.
            builder.setLocaleConfig("auth", PasswordOnlyHba.METHOD).setLocaleConfig("pwfile", initdbPassword.toString());
        }
        return builder;
    }

    private static Path superuserPasswordFile(Path home, DatabasePasswords passwords) throws IOException {
        Path file = DatabasePasswords.secretFile(home, "initdb-password");
        Files.writeString(file, passwords.superuser() + "\n");
        return file;
    }

    /**
     * A data directory from before passwords (initdb's trust for everyone): the roles have their passwords
     * now, so switch the server to asking for them, and check that it does before anything connects.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory) throws IOException, SQLException {
        log.warn("The embedded PostgreSQL in {} let local connections in without a password; it now requires one",
                dataDirectory);
        PasswordOnlyHba.write(dataDirectory);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
        var withoutPassword = new PGSimpleDataSource();
        withoutPassword.setUrl(postgres.getJdbcUrl(DatabasePasswords.SUPERUSER_ROLE, "postgres"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection accepted = withoutPassword.getConnection()) {
                sleep(); // the reload is asynchronous: the postmaster has not read the new file yet
            } catch (SQLException refused) {
                return;
            }
        }
        throw new IllegalStateException("the embedded PostgreSQL still accepts connections without a password");
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for PostgreSQL to reload its configuration", e);
        }
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
