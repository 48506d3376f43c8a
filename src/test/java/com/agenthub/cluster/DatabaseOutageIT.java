package com.agenthub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.DemoData;
import com.agenthub.support.FakeOpenAi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar on its embedded PostgreSQL, under load, while the database stops for ten seconds and starts
 * again outside the app (as an operator or a crash-restart would): the app comes back by itself and completely,
 * with no request failing afterwards and runs both finishing and cancelling.
 */
class DatabaseOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String[] READS = {"/api/v1/me", "/api/v1/agents", "/api/v1/tokens", "/api/v1/members"};

    private AppInstance app;
    private String token;

    @Test
    void afterTheDatabaseComesBackEveryRequestAndRunWorksAgain() throws Exception {
        Path jar = Path.of("target", "agenthub.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
        Path home = Files.createTempDirectory("agenthub-outage");
        Path dataDirectory = home.resolve("pgdata");
        Process restarted = null;
        try (AppInstance instance = AppInstance.start("outage", jar, home,
                Map.of("SPRING_PROFILES_ACTIVE", "demo", "OPENAI_API_KEY", "sk-outage-test"),
                List.of("--agenthub.llm.openai-api-url=" + FakeOpenAi.shared().baseUrl()))) {
            app = instance;
            app.awaitHealthy(Duration.ofSeconds(90));
            token = load(home.resolve("demo-tokens.properties")).getProperty("owner@acme.test");
            List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            long postmaster = Long.parseLong(pidFile.get(0).trim());
            List<String> commandLine = commandLine(postmaster);
            boolean ownUserNamespace = inOwnUserNamespace(postmaster);
            int port = Integer.parseInt(pidFile.get(3).trim());
            String superuserPassword = load(home.resolve("pgdata.passwords")).getProperty("postgres");
            raiseLimits(port, superuserPassword);
            String agentId = JSON.readTree(send("POST", "/api/v1/agents", """
                    {"name": "Outage worker", "model_config": {"provider": "openai", "model": "gpt-4o-mini"},
                     "timeout_seconds": 120}""").body()).get("id").asString();

            Load load = new Load(agentId);
            load.start(4);
            Thread.sleep(2_000);
            load.phase("outage");
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).inheritIO().start().waitFor(); // fast shutdown
            assertThat(ProcessHandle.of(postmaster).map(p -> p.onExit().orTimeout(15, TimeUnit.SECONDS).join()))
                    .as("PostgreSQL stopped").isPresent();
            Thread.sleep(10_000);

            load.phase("recovering");
            long restartedAt = System.nanoTime();
            restarted = startDetached(commandLine, ownUserNamespace, jar.getParent().resolve("it-logs").resolve("outage-postgres.log"));
            Duration databaseBack = awaitDatabase(port, superuserPassword, restartedAt);
            awaitHealth(true, Duration.ofSeconds(20));
            Duration healthBack = Duration.ofNanos(System.nanoTime() - restartedAt);
            load.phase("recovered");
            awaitHealthStaysUp(Duration.ofSeconds(10));
            Map<String, Long> underLoad = load.stop();
            System.out.printf("[outage] PostgreSQL accepting connections %d ms and health UP %d ms after its restart; "
                    + "requests under load, by the phase they ended in: %s%n", databaseBack.toMillis(), healthBack.toMillis(), underLoad);

            List<Integer> statuses = twoHundredRequests();
            assertThat(statuses).as("200 requests after recovery").hasSize(200).allMatch(s -> s / 100 == 2);

            String succeeded = submit(agentId, "after the outage [wait:300]");
            assertThat(awaitStatus(succeeded, s -> !s.equals("queued") && !s.equals("running"), Duration.ofSeconds(20)))
                    .isEqualTo("succeeded");

            String cancelled = submit(agentId, "cancel me after the outage [long]");
            awaitStatus(cancelled, "running"::equals, Duration.ofSeconds(10));
            assertThat(send("POST", "/api/v1/executions/" + cancelled + "/cancel", "").statusCode()).isEqualTo(202);
            assertThat(awaitStatus(cancelled, "cancelled"::equals, Duration.ofSeconds(5))).isEqualTo("cancelled");
            System.out.printf("[outage] after recovery: 200/200 requests 2xx, run %s succeeded, run %s cancelled%n",
                    succeeded, cancelled);
        } finally {
            // The app's own shutdown stops the restarted server (pg_ctl stop on the data directory); this is for a
            // failure before that.
            if (restarted != null && restarted.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(restarted.pid())).inheritIO().start().waitFor();
                restarted.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    /** Requests from a few threads, counted by the phase they end in and outcome (2xx, 5xx, timeout, io) until stopped. */
    private final class Load {
        private final String agentId;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<String> phase = new AtomicReference<>("before");
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final List<Future<?>> workers = new ArrayList<>();
        private ExecutorService threads;

        Load(String agentId) {
            this.agentId = agentId;
        }

        void start(int readers) {
            threads = Executors.newFixedThreadPool(readers + 1);
            for (int i = 0; i < readers; i++) {
                int first = i;
                workers.add(threads.submit(() -> loop(n -> send("GET", READS[(first + n) % READS.length], ""), 100)));
            }
            workers.add(threads.submit(() -> loop(n -> send("POST", "/api/v1/agents/" + agentId + "/execute",
                    "{\"task\": \"under load " + n + " [wait:200]\"}"), 500)));
        }

        void phase(String name) {
            phase.set(name);
        }

        Map<String, Long> stop() throws Exception {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            var result = new java.util.TreeMap<String, Long>();
            counts.forEach((k, v) -> result.put(k, v.get()));
            return result;
        }

        private void loop(Request request, long pauseMillis) {
            for (int n = 0; running.get() && n < 2_000; n++) {
                String outcome;
                try {
                    outcome = (request.send(n).statusCode() / 100) + "xx";
                } catch (java.net.http.HttpTimeoutException e) {
                    outcome = "timeout";
                } catch (Exception e) {
                    outcome = "io";
                }
                counts.computeIfAbsent(phase.get() + " " + outcome, k -> new AtomicLong()).incrementAndGet();
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private interface Request {
        HttpResponse<String> send(int n) throws Exception;
    }

    private List<Integer> twoHundredRequests() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = READS[i % READS.length];
                results.add(threads.submit(() -> send("GET", path, "").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    private void awaitHealth(boolean up, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (healthUp() == up) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("health was not " + (up ? "UP" : "DOWN") + " within " + within);
    }

    private void awaitHealthStaysUp(Duration period) throws Exception {
        long until = System.nanoTime() + period.toNanos();
        for (int poll = 0; System.nanoTime() < until; poll++) {
            assertThat(healthUp()).as("health at poll %d after it first answered UP", poll).isTrue();
            Thread.sleep(250);
        }
    }

    private boolean healthUp() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/actuator/health")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String submit(String agentId, String task) throws Exception {
        var response = send("POST", "/api/v1/agents/" + agentId + "/execute", "{\"task\": \"" + task + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String awaitStatus(String id, java.util.function.Predicate<String> wanted, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(send("GET", "/api/v1/executions/" + id, "").body()).get("status").asString();
            if (wanted.test(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " was still " + status + " after " + within);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = method.equals("GET") ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The load is far above the demo plan's 600 API requests a minute and 10 runs at a time. */
    private static void raiseLimits(int port, String superuserPassword) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/agenthub",
                "postgres", superuserPassword); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES ('" + DemoData.ACME
                    + "', 'api_requests_per_minute', 100000), ('" + DemoData.ACME + "', 'max_concurrent_executions', 50)");
        }
    }

    private static Duration awaitDatabase(int port, String superuserPassword, long since) throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/agenthub",
                    "postgres", superuserPassword)) {
                return Duration.ofNanos(System.nanoTime() - since);
            } catch (java.sql.SQLException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("PostgreSQL did not accept connections within 15 s of its restart");
    }

    private static List<String> commandLine(long pid) throws IOException {
        String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        return Arrays.asList(raw.split("\0"));
    }

    /**
     * In its own session, out of the test's process group. As root, zonky runs PostgreSQL (which refuses root)
     * in a user namespace of its own: so does this when the stopped server ran in one.
     */
    private static Process startDetached(List<String> commandLine, boolean ownUserNamespace, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid"));
        if (ownUserNamespace) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(commandLine);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    private static boolean inOwnUserNamespace(long pid) throws IOException {
        return !Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "user"))
                .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
