package com.agenthub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.organization.DemoData;
import com.agenthub.support.FakeOpenAi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the packaged jar on one PostgreSQL, sharing the work through the database alone:
 * live output reaches a client of the other instance, and when one instance is SIGKILLed mid-way, the
 * survivor finishes its runs, each exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final int RUNS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmbeddedPostgres postgres;
    private DataSource superuser;
    private AppInstance first;
    private AppInstance second;
    private String token;
    private String agentId;

    @BeforeAll
    void twoInstancesOnOneDatabase() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("agenthub.jar");
        assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
        postgres = EmbeddedPostgres.builder().start();
        superuser = postgres.getPostgresDatabase();
        sql("CREATE ROLE agenthub_owner LOGIN PASSWORD 'owner-pw'",
                "CREATE ROLE agenthub_app LOGIN PASSWORD 'app-pw' NOSUPERUSER NOBYPASSRLS",
                "CREATE DATABASE agenthub OWNER agenthub_owner");
        superuser = postgres.getDatabase("postgres", "agenthub");
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/agenthub",
                "SPRING_DATASOURCE_USERNAME", "agenthub_app", "SPRING_DATASOURCE_PASSWORD", "app-pw",
                "SPRING_FLYWAY_USER", "agenthub_owner", "SPRING_FLYWAY_PASSWORD", "owner-pw",
                "SPRING_PROFILES_ACTIVE", "demo", "OPENAI_API_KEY", "sk-cluster-test");
        List<String> arguments = List.of("--agenthub.llm.openai-api-url=" + FakeOpenAi.shared().baseUrl());
        Path homes = Files.createTempDirectory("agenthub-it");
        first = AppInstance.start("first", jar, homes.resolve("first"), environment, arguments);
        first.awaitHealthy(Duration.ofSeconds(90)); // migrates and seeds the demo data
        second = AppInstance.start("second", jar, homes.resolve("second"), environment, arguments);
        second.awaitHealthy(Duration.ofSeconds(90));

        Properties tokens = new Properties();
        try (var reader = Files.newBufferedReader(homes.resolve("first").resolve("demo-tokens.properties"))) {
            tokens.load(reader);
        }
        token = tokens.getProperty("owner@acme.test");
        var agent = send(first, "POST", "/api/v1/agents", """
                {"name": "Cluster worker", "model_config": {"provider": "openai", "model": "gpt-4o-mini"},
                 "timeout_seconds": 300}""");
        assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
        agentId = JSON.readTree(agent.body()).get("id").asString();
        // Room for 20 runs at a time, so 300 one-second runs take a quarter of a minute.
        sql("INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES ('" + DemoData.ACME
                + "', 'max_concurrent_executions', 20)");
    }

    @AfterAll
    void stop() throws Exception {
        for (AppInstance instance : new AppInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void liveOutputReachesAClientOfTheOtherInstance() throws Exception {
        String id = submit(first, "Stream across instances [veryslow]");
        String runner = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> queryString("SELECT picked_by FROM scheduled_tasks WHERE task_instance = '" + id + "'"),
                        by -> by != null);
        AppInstance elsewhere = runner.endsWith("-" + first.pid()) ? second : first;

        List<String> chunks = new ArrayList<>();
        String done = null;
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(elsewhere.url("/api/v1/executions/" + id + "/stream")))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "chunk".equals(event)) {
                    chunks.add(JSON.readTree(line.substring(5)).get("text").asString());
                } else if (line.startsWith("data:") && "done".equals(event)) {
                    done = JSON.readTree(line.substring(5)).get("status").asString();
                    break;
                }
            }
        }

        assertThat(done).isEqualTo("succeeded");
        assertThat(chunks.size()).as("chunks relayed as they came, not all at the end").isGreaterThan(5);
        assertThat(String.join("", chunks)).isEqualTo(queryString("SELECT output FROM executions WHERE id = '" + id + "'"));
    }

    @Test
    @Order(2)
    void killingAnInstanceMidwayLosesNothingAndFinishesEveryRunOnce() throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Instant began = Instant.now();
        try {
            pool.invokeAll(IntStream.range(0, RUNS).<Callable<Void>>mapToObj(i -> () -> {
                ids.add(submit(i % 2 == 0 ? first : second, "Crash test run " + i + " [wait:1000]"));
                return null;
            }).toList());
        } finally {
            pool.shutdown();
        }
        String inList = "('" + String.join("','", ids) + "')";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> queryLong("SELECT count(*) FROM executions WHERE status = 'SUCCEEDED' AND id IN " + inList) >= RUNS / 4);

        // The victim is whichever instance is running more of them at that moment.
        AppInstance[] victim = {null};
        List<String> picked = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<String> onFirst = pickedBy(first);
            List<String> onSecond = pickedBy(second);
            victim[0] = onFirst.size() >= onSecond.size() ? first : second;
            return victim[0] == first ? onFirst : onSecond;
        }, running -> running.size() >= 3);
        Instant killed = Instant.now();
        victim[0].kill();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> queryLong("SELECT count(*) FROM executions WHERE status IN ('QUEUED', 'RUNNING') AND id IN " + inList) == 0);
        Instant allDone = Instant.now();

        // Those that had not finished when the instance died (one may have finished in between).
        List<String> orphans = queryStrings("SELECT id FROM executions WHERE finished_at > '" + killed + "'::timestamptz AND id IN ('"
                + String.join("','", picked) + "')");
        assertThat(ids).hasSize(RUNS);
        assertThat(orphans).as("runs in progress on the killed instance").isNotEmpty();
        assertThat(queryLong("SELECT count(*) FROM executions WHERE status = 'SUCCEEDED' AND id IN " + inList)).isEqualTo(RUNS);
        // Exactly once: one result each, tokens and cost counted once, and the agent's metrics agree.
        assertThat(queryLong("SELECT count(*) FROM (SELECT execution_id FROM execution_events WHERE kind = 'FINISHED' AND execution_id IN "
                + inList + " GROUP BY execution_id HAVING count(*) = 1) once")).isEqualTo(RUNS);
        assertThat(queryLong("SELECT sum(input_tokens) FROM executions WHERE id IN " + inList)).isEqualTo(RUNS * (long) FakeOpenAi.PROMPT_TOKENS);
        assertThat(queryLong("SELECT sum(output_tokens) FROM executions WHERE id IN " + inList)).isEqualTo(RUNS * (long) FakeOpenAi.COMPLETION_TOKENS);
        assertThat(queryLong("SELECT runs FROM agents WHERE id = '" + agentId + "'")).isEqualTo(RUNS + 1L); // and the streamed one
        assertThat(queryLong("SELECT total_tokens FROM agents WHERE id = '" + agentId + "'"))
                .isEqualTo((RUNS + 1L) * (FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS));
        assertThat(queryDecimal("SELECT total_cost FROM agents WHERE id = '" + agentId + "'"))
                .isEqualByComparingTo(queryDecimal("SELECT sum(cost) FROM executions WHERE agent_id = '" + agentId + "'"));
        // The survivor finished what the killed instance had started.
        String orphanList = "('" + String.join("','", orphans) + "')";
        // A job picked but not yet started there simply starts on the survivor; one already started starts again.
        String startedBeforeKill = "EXISTS (SELECT 1 FROM execution_events v WHERE v.execution_id = e.id AND v.kind = 'STARTED' "
                + "AND v.created_at < '" + killed + "'::timestamptz)";
        String startedAfterKill = "EXISTS (SELECT 1 FROM execution_events v WHERE v.execution_id = e.id AND v.kind = 'STARTED' "
                + "AND v.created_at > '" + killed + "'::timestamptz)";
        long startedThere = queryLong("SELECT count(*) FROM executions e WHERE " + startedBeforeKill + " AND e.id IN " + orphanList);
        assertThat(startedThere).as("runs the killed instance had started").isPositive();
        assertThat(queryLong("SELECT count(*) FROM executions e WHERE " + startedBeforeKill + " AND " + startedAfterKill
                + " AND e.attempts >= 2 AND e.id IN " + orphanList)).isEqualTo(startedThere);
        assertThat(queryLong("SELECT count(*) FROM executions e WHERE " + startedAfterKill + " AND e.id IN " + orphanList))
                .isEqualTo(orphans.size());
        assertThat(queryLong("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'run-execution'")).isZero();
        Instant restarted = queryInstant("SELECT max(started_at) FROM executions WHERE id IN " + orphanList);
        Duration recovery = Duration.between(killed, restarted);
        System.out.printf("Crash test: %d runs over two instances; SIGKILL of the %s after %d s with %d of its runs picked there; "
                        + "the survivor restarted the last of them %d ms after the kill; all %d done %d s after the first submit%n",
                RUNS, victim[0].name(), Duration.between(began, killed).toSeconds(), orphans.size(), recovery.toMillis(), RUNS,
                Duration.between(began, allDone).toSeconds());
        assertThat(recovery).isLessThan(Duration.ofSeconds(30));
    }

    private List<String> pickedBy(AppInstance instance) throws Exception {
        return queryStrings("SELECT task_instance FROM scheduled_tasks WHERE picked AND picked_by LIKE '%-" + instance.pid() + "'");
    }

    private String submit(AppInstance instance, String task) throws Exception {
        var response = send(instance, "POST", "/api/v1/agents/" + agentId + "/execute",
                JSON.writeValueAsString(Map.of("task", task)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> send(AppInstance instance, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.url(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void sql(String... statements) throws Exception {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private <T> List<T> query(String sql, ResultReader<T> reader) throws Exception {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    private interface ResultReader<T> {
        T read(ResultSet rs) throws Exception;
    }

    private List<String> queryStrings(String sql) throws Exception {
        return query(sql, rs -> rs.getString(1));
    }

    private String queryString(String sql) throws Exception {
        List<String> rows = queryStrings(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long queryLong(String sql) throws Exception {
        return query(sql, rs -> rs.getLong(1)).get(0);
    }

    private BigDecimal queryDecimal(String sql) throws Exception {
        return query(sql, rs -> rs.getBigDecimal(1)).get(0);
    }

    private Instant queryInstant(String sql) throws Exception {
        return query(sql, rs -> rs.getTimestamp(1).toInstant()).get(0);
    }
}
