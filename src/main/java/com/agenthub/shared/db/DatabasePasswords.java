package com.agenthub.shared.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded server's roles: made at random on first start and kept beside the data
 * directory, readable by its owner only, so that a local process cannot connect without them.
 */
record DatabasePasswords(String superuser, String owner, String app) {

    static final String SUPERUSER_ROLE = "postgres";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(DatabasePasswords.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static Path file(Path home) {
        return home.resolve("pgdata.passwords");
    }

    static DatabasePasswords loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            var created = new DatabasePasswords(random(), random(), random());
            created.write(file);
            return created;
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; it is now rw------- (change the database passwords if in doubt)", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return new DatabasePasswords(required(properties, file, SUPERUSER_ROLE),
                required(properties, file, DatabaseRoles.OWNER_ROLE), required(properties, file, DatabaseRoles.APP_ROLE));
    }

    String of(String role) {
        return switch (role) {
            case SUPERUSER_ROLE -> superuser;
            case DatabaseRoles.OWNER_ROLE -> owner;
            case DatabaseRoles.APP_ROLE -> app;
            default -> throw new IllegalArgumentException("no password for role " + role);
        };
    }

    /** Written whole or not at all: a half-written file would lock us out of our own database. */
    private void write(Path file) throws IOException {
        Path temporary = secretFile(file.getParent(), file.getFileName().toString());
        var properties = new Properties();
        properties.setProperty(SUPERUSER_ROLE, superuser);
        properties.setProperty(DatabaseRoles.OWNER_ROLE, owner);
        properties.setProperty(DatabaseRoles.APP_ROLE, app);
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles. Keep this file with pgdata/.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A new, empty file that only its owner can read, from the moment it exists. */
    static Path secretFile(Path directory, String prefix) throws IOException {
        return Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    private static String required(Properties properties, Path file, String role) {
        String value = properties.getProperty(role);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no password for the role " + role);
        }
        return value;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
