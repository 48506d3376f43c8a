import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AgentHub benchmarks. Starts the packaged app on a fresh embedded database (its own process), with a
 * zero-latency fake OpenAI-compatible provider served from this process, loads data, measures and prints
 * a table. Usage: bench/run.sh [agents] [executions] [runs] [--quick]
 */
public class Bench {

    static final String ACME = "00000000-0000-4000-a000-00000000ac3e";
    static boolean quick;

    public static void main(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                scenarios.add(arg);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("agents", "executions", "runs");
        }
        HttpServer fake = FakeProvider.start();
        try (App app = App.start(fake.getAddress().getPort())) {
            System.out.printf("start-up to healthy (fresh data directory): %.1f s%n%n", app.startupSeconds);
            for (String scenario : scenarios) {
                switch (scenario) {
                    case "agents" -> agents(app);
                    case "executions" -> executions(app);
                    case "runs" -> runs(app);
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                }
            }
        } finally {
            fake.stop(0);
        }
        System.exit(0);
    }

    // --- scenarios -------------------------------------------------------------------------------

    static void agents(App app) throws Exception {
        int count = quick ? 2_000 : 10_000;
        long t = System.nanoTime();
        app.sql("""
                INSERT INTO agents (id, org_id, name, description, provider, model, temperature, max_tokens, top_p,
                                    traits, tone, behavior, language_style, instructions, tools, memory_mode,
                                    memory_max_messages, memory_token_budget, status, created_at, updated_at, runs,
                                    successes, total_tokens, total_cost, total_duration_ms)
                SELECT gen_random_uuid(), '%s', 'Bench agent ' || i,
                       (ARRAY['Sales follow-up', 'Support triage', 'Finance summaries', 'HR answers'])[1 + i %% 4] || ' #' || i,
                       (ARRAY['openai', 'groq', 'anthropic', 'sandbox'])[1 + i %% 4],
                       (ARRAY['gpt-4o-mini', 'llama-3.3-70b-versatile', 'claude-haiku-4-5', 'sandbox'])[1 + i %% 4],
                       0.7, 1024, 1, ARRAY['bench'], 'PROFESSIONAL', 'HELPFUL', 'CONCISE', 'Benchmark agent.',
                       ARRAY['calculator'], 'NONE', 10, 4000, (ARRAY['IDLE', 'IDLE', 'IDLE', 'OFFLINE'])[1 + i %% 4],
                       now() - (i || ' minutes')::interval, now() - (i || ' seconds')::interval,
                       (i * 7919) %% 1000, (i * 7919) %% 900, i * 13, (i %% 100) * 0.01, i * 50
                  FROM generate_series(1, %d) AS i""".formatted(ACME, count));
        app.sql("ANALYZE agents");
        System.out.printf("seeded %,d agents into Acme in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
        table(app, List.of(
                new Scenario("agent dashboard (cards + first page)", "/agents", false, false),
                new Scenario("live search partial (q=sales)", "/agents?q=sales", true, false),
                new Scenario("filtered partial (status, provider)", "/agents?status=IDLE&provider=openai", true, false),
                new Scenario("deep page partial (sort=runs, offset=5000)", "/agents?sort=runs&offset=" + count / 2, true, false),
                new Scenario("API GET /api/v1/agents?limit=20", "/api/v1/agents?limit=20", false, true)));
    }

    static void executions(App app) throws Exception {
        int count = quick ? 100_000 : 1_000_000;
        long t = System.nanoTime();
        app.sql("""
                INSERT INTO executions (id, org_id, agent_id, task, status, output, provider, model, input_tokens,
                                        output_tokens, cost, duration_ms, attempts, requested_by, created_at,
                                        started_at, finished_at)
                SELECT gen_random_uuid(), '%1$s', a.ids[1 + i %% array_length(a.ids, 1)],
                       'Benchmark task #' || i,
                       (ARRAY['SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED',
                              'SUCCEEDED','FAILED','TIMED_OUT'])[1 + i %% 10],
                       'Answer #' || i, 'openai', 'gpt-4o-mini', 500 + i %% 900, 100 + i %% 700,
                       (500 + i %% 900) * 0.00000015 + (100 + i %% 700) * 0.0000006, 400 + i %% 4000, 1,
                       (SELECT id FROM users WHERE email = 'member@acme.test'),
                       now() - (i * 7 || ' seconds')::interval, now() - (i * 7 || ' seconds')::interval,
                       now() - (i * 7 || ' seconds')::interval + interval '1 second'
                  FROM generate_series(1, %2$d) AS i,
                       (SELECT array_agg(id) AS ids FROM agents WHERE org_id = '%1$s' AND deleted_at IS NULL
                          AND name NOT LIKE 'Bench agent%%') a""".formatted(ACME, count));
        app.sql("ANALYZE executions");
        System.out.printf("%nseeded %,d executions into Acme in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
        String agentId = app.scalar("SELECT id::text FROM agents WHERE org_id = '" + ACME + "' AND name = 'Support Agent'");
        String middle = app.scalar("SELECT created_at::text FROM executions WHERE org_id = '" + ACME
                + "' ORDER BY created_at DESC OFFSET " + count / 2 + " LIMIT 1");
        String middleId = app.scalar("SELECT id::text FROM executions WHERE org_id = '" + ACME
                + "' ORDER BY created_at DESC, id DESC OFFSET " + count / 2 + " LIMIT 1");
        String cursor = java.time.OffsetDateTime.parse(middle.replace(" ", "T").replaceAll("\\+00$", "+00:00"))
                .toInstant() + "_" + middleId;
        String oneId = app.scalar("SELECT id::text FROM executions WHERE org_id = '" + ACME + "' ORDER BY created_at DESC LIMIT 1");
        table(app, List.of(
                new Scenario("executions page (newest 25)", "/executions", false, false),
                new Scenario("partial: status=FAILED", "/executions?status=FAILED", true, false),
                new Scenario("partial: one agent", "/executions?agent=" + agentId, true, false),
                new Scenario("partial: page in the middle (keyset)", "/executions?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), true, false),
                new Scenario("execution detail page", "/executions/" + oneId, false, false),
                new Scenario("API GET /api/v1/executions/{id}", "/api/v1/executions/" + oneId, false, true)));
        concurrent(app, new Scenario("executions page, 16 concurrent clients", "/executions", false, false), 16);
    }

    static void runs(App app) throws Exception {
        int count = quick ? 300 : 2_000;
        app.sql("INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES ('" + ACME
                + "', 'max_concurrent_executions', 64), ('" + ACME + "', 'max_executions_per_month', NULL), ('" + ACME
                + "', 'max_agents', NULL) "
                + "ON CONFLICT (org_id, limit_name) DO UPDATE SET limit_value = excluded.limit_value");
        var created = app.api("POST", "/api/v1/agents", "{\"name\": \"Throughput\", \"model_config\": {\"provider\": "
                + "\"openai\", \"model\": \"gpt-4o-mini\", \"max_tokens\": 200}}");
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("could not create the agent: " + created);
        }
        String agent = id.group(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            submits.add(pool.submit(() -> app.api("POST", "/api/v1/agents/" + agent + "/execute", "{\"task\": \"run " + n + "\"}")));
        }
        for (Future<?> f : submits) {
            f.get();
        }
        double submitted = (System.nanoTime() - start) / 1e9;
        long done;
        do {
            Thread.sleep(50);
            done = Long.parseLong(app.scalar("SELECT count(*) FROM executions WHERE agent_id = '" + agent
                    + "' AND status IN ('SUCCEEDED', 'FAILED')"));
        } while (done < count && (System.nanoTime() - start) / 1e9 < 600);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String failed = app.scalar("SELECT count(*) FROM executions WHERE agent_id = '" + agent + "' AND status = 'FAILED'");
        System.out.printf("%nend-to-end runs (API submit → job → fake provider at 0 ms → recorded), %d runs, 16 submitting clients:%n", count);
        System.out.printf("  submitted in %.2f s; all finished in %.2f s → %.0f runs/s (%s failed)%n", submitted, seconds,
                count / seconds, failed);
    }

    // --- measurement ------------------------------------------------------------------------------

    record Scenario(String name, String path, boolean htmx, boolean api) {
    }

    static void table(App app, List<Scenario> scenarios) throws Exception {
        int requests = quick ? 100 : 500;
        System.out.printf("%-44s %9s %9s %9s%n", "scenario (" + requests + " sequential requests)", "median", "p95", "p99");
        for (Scenario scenario : scenarios) {
            for (int i = 0; i < Math.min(50, requests); i++) {
                app.get(scenario);
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                app.get(scenario);
                times.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(times);
            System.out.printf("%-44s %6.2f ms %6.2f ms %6.2f ms%n", scenario.name, pct(times, 50), pct(times, 95), pct(times, 99));
        }
    }

    static void concurrent(App app, Scenario scenario, int clients) throws Exception {
        int perClient = quick ? 25 : 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    app.get(scenario);
                    times.add((System.nanoTime() - t) / 1e6);
                }
                return times;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (var f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("%-44s %6.2f ms %6.2f ms %6.2f ms%n", scenario.name, pct(all, 50), pct(all, 95), pct(all, 99));
    }

    static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // --- the app under test ------------------------------------------------------------------------

    static final class App implements AutoCloseable {
        final Path home;
        final Process process;
        final String base;
        final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final HttpClient plain = HttpClient.newHttpClient();
        double startupSeconds;
        String token;
        Connection db;

        private App(Path home, Process process, int port) {
            this.home = home;
            this.process = process;
            this.base = "http://localhost:" + port;
        }

        static App start(int fakePort) throws Exception {
            Path home = Files.createTempDirectory("agenthub-bench");
            int port = freePort();
            var builder = new ProcessBuilder("java", "-Xmx768m", "-jar", "target/agenthub.jar");
            builder.environment().put("AGENTHUB_HOME", home.toString());
            builder.environment().put("SPRING_PROFILES_ACTIVE", "demo");
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("OPENAI_API_KEY", "bench-key");
            builder.environment().put("AGENTHUB_LLM_OPENAI_API_URL", "http://localhost:" + fakePort + "/v1");
            builder.redirectErrorStream(true).redirectOutput(home.resolve("app.log").toFile());
            long t = System.nanoTime();
            App app = new App(home, builder.start(), port);
            app.waitHealthy();
            app.startupSeconds = (System.nanoTime() - t) / 1e9;
            Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(home.resolve("app.log")));
            if (!m.find()) {
                throw new IllegalStateException("embedded PostgreSQL port not found in the app log");
            }
            app.db = DriverManager.getConnection("jdbc:postgresql://localhost:" + m.group(1) + "/agenthub", "postgres", "");
            app.signIn();
            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("demo-tokens.properties"))) {
                tokens.load(reader);
            }
            app.token = tokens.getProperty("owner@acme.test");
            return app;
        }

        void sql(String statement) throws Exception {
            try (var s = db.createStatement()) {
                s.execute(statement);
            }
        }

        String scalar(String query) throws Exception {
            try (var s = db.createStatement(); var rs = s.executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        }

        void get(Scenario scenario) {
            var request = HttpRequest.newBuilder(URI.create(base + scenario.path)).header("Accept", "text/html,application/json");
            if (scenario.htmx) {
                request.header("HX-Request", "true");
            }
            if (scenario.api) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                var response = (scenario.api ? plain : browser).send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(scenario.name + " answered " + response.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        String api(String method, String path, String body) {
            try {
                var response = plain.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private void signIn() throws Exception {
            var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            var response = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=owner%40acme.test&password=demo-password&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new IllegalStateException("sign-in failed: " + response.statusCode());
            }
        }

        private void waitHealthy() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited; see " + home.resolve("app.log"));
                }
                try {
                    if (plain.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the app was not healthy within 90 s");
        }

        @Override
        public void close() throws Exception {
            if (db != null) {
                db.close();
            }
            process.destroy();
            process.waitFor();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An OpenAI-compatible endpoint answering at once: a few streamed chunks and the usage. */
    static final class FakeProvider {
        static HttpServer start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String chunk = "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
                String body = chunk.formatted("Benchmark ", "null") + chunk.formatted("answer.", "null")
                        + chunk.formatted("", "\"stop\"")
                        + "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":4,\"total_tokens\":54}}\n\n"
                        + "data: [DONE]\n\n";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(32, r -> {
                Thread thread = new Thread(r, "fake-provider");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
