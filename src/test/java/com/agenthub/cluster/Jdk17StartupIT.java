package com.agenthub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The suite runs on the JDK production uses (25, with virtual threads); the README promises that 17 is enough.
 * The packaged jar starts on JDK 17, serves its pages and answers the API.
 */
class Jdk17StartupIT {

    /** Debian's JDK 17, the build machines' default; elsewhere {@code AGENTHUB_JDK17_HOME}. */
    private static final Path JDK17 = Path.of(System.getenv().getOrDefault("AGENTHUB_JDK17_HOME",
            "/usr/lib/jvm/java-17-openjdk-amd64"));

    @Test
    void thePackagedJarStartsAndServesOnJdk17() throws Exception {
        Path java = JDK17.resolve("bin").resolve("java");
        assumeTrue(Files.isExecutable(java), "no JDK 17 at " + JDK17);
        Path jar = Path.of("target", "agenthub.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path home = Files.createTempDirectory("agenthub-jdk17");
        HttpClient http = HttpClient.newHttpClient();
        try (AppInstance app = AppInstance.start("jdk17", java.toString(), jar, home, Map.of("SPRING_PROFILES_ACTIVE", "demo"),
                List.of())) {
            app.awaitHealthy(Duration.ofSeconds(120));

            var login = http.send(HttpRequest.newBuilder(URI.create(app.url("/login"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in");
            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("demo-tokens.properties"))) {
                tokens.load(reader);
            }
            var me = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/me")))
                    .header("Authorization", "Bearer " + tokens.getProperty("owner@acme.test")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("owner@acme.test");
        }
    }
}
