package com.agenthub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.support.FakeOpenAi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar on its own embedded PostgreSQL, stopped as a deployment stops it (SIGTERM) while runs
 * wait for their provider: the runs finish and are recorded before the database stops.
 */
class GracefulShutdownIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void runsInFlightWhenTheAppStopsFinishAndAreRecorded() throws Exception {
        Path jar = Path.of("target", "agenthub.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
        Path home = Files.createTempDirectory("agenthub-shutdown");
        List<String> ids = new ArrayList<>();
        try (AppInstance app = AppInstance.start("shutdown", jar, home,
                Map.of("SPRING_PROFILES_ACTIVE", "demo", "OPENAI_API_KEY", "sk-shutdown-test"),
                List.of("--agenthub.llm.openai-api-url=" + FakeOpenAi.shared().baseUrl()))) {
            app.awaitHealthy(Duration.ofSeconds(90));
            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("demo-tokens.properties"))) {
                tokens.load(reader);
            }
            String token = tokens.getProperty("owner@acme.test");
            var agent = send(app, token, "POST", "/api/v1/agents", """
                    {"name": "Shutdown worker", "model_config": {"provider": "openai", "model": "gpt-4o-mini"}}""");
            assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
            String agentId = JSON.readTree(agent.body()).get("id").asString();
            for (int i = 0; i < 3; i++) {
                var run = send(app, token, "POST", "/api/v1/agents/" + agentId + "/execute",
                        "{\"task\": \"stopping " + i + " [wait:3000]\"}");
                assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
                ids.add(JSON.readTree(run.body()).get("id").asString());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> status(app, token, id).equals("running")));

            app.close(); // SIGTERM, then waits for the process to end
        }

        // The app's database, opened again on its data directory once the app has gone, with the password it made.
        Properties passwords = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("pgdata.passwords"))) {
            passwords.load(reader);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(false).setConnectConfig("password", passwords.getProperty("postgres")).start();
             Connection connection = postgres.getDatabase("postgres", "agenthub").getConnection();
             var statuses = connection.prepareStatement("SELECT status, output FROM executions WHERE id = ?::uuid")) {
            for (String id : ids) {
                statuses.setString(1, id);
                try (var row = statuses.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("status")).as("run " + id).isEqualTo("SUCCEEDED");
                    assertThat(row.getString("output")).isNotBlank();
                }
            }
        }
    }

    private static String status(AppInstance app, String token, String id) {
        try {
            return JSON.readTree(send(app, token, "GET", "/api/v1/executions/" + id, "").body()).get("status").asString();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static HttpResponse<String> send(AppInstance app, String token, String method, String path, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request = body.isEmpty() ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
