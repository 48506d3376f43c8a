package com.agenthub.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The embedded server's {@code pg_hba.conf}: SCRAM for every role and every way in, local socket and
 * loopback alike, since anyone on the machine can reach both.
 */
final class PasswordOnlyHba {

    static final String METHOD = "scram-sha-256";

    private static final String CONTENT = """
            # Written by AgentHub. Every connection needs its role's password (see ../pgdata.passwords).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PasswordOnlyHba() {
    }

    /** Whether every rule of the data directory's file asks for a SCRAM password. */
    static boolean inForce(Path dataDirectory) throws IOException {
        List<String[]> rules = Files.readAllLines(dataDirectory.resolve("pg_hba.conf")).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .toList();
        return !rules.isEmpty() && rules.stream().allMatch(PasswordOnlyHba::asksForScram);
    }

    static void write(Path dataDirectory) throws IOException {
        Path temporary = DatabasePasswords.secretFile(dataDirectory, "pg_hba.conf");
        Files.writeString(temporary, CONTENT);
        Files.move(temporary, dataDirectory.resolve("pg_hba.conf"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean asksForScram(String[] rule) {
        int method = rule[0].equals("local") ? 3 : 4; // host rules have an address column
        return rule.length > method && rule[method].equals(METHOD);
    }
}
