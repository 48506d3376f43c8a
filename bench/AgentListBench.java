import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts the packaged app on a fresh embedded database, loads N agents into the demo organization Acme,
 * and times the agent list pages from one signed-in client. Run through bench/agent-list.sh.
 */
public class AgentListBench {

    static final String ACME = "00000000-0000-4000-a000-00000000ac3e";

    public static void main(String[] args) throws Exception {
        int agents = intArg(args, "--agents", 10_000);
        int requests = intArg(args, "--requests", 500);
        Path home = Files.createTempDirectory("agenthub-bench");
        int port = freePort();
        var builder = new ProcessBuilder("java", "-Xmx768m", "-jar", "target/agenthub.jar");
        builder.environment().put("AGENTHUB_HOME", home.toString());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "demo");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(home.resolve("app.log").toFile());
        long start = System.nanoTime();
        Process app = builder.start();
        try {
            String base = "http://localhost:" + port;
            HttpClient plain = HttpClient.newHttpClient();
            waitHealthy(plain, base, app);
            System.out.printf("start-up to healthy (fresh data directory): %.1f s%n", (System.nanoTime() - start) / 1e9);

            int pgPort = pgPort(home.resolve("app.log"));
            long seeded = System.nanoTime();
            seed(pgPort, agents);
            System.out.printf("seeded %,d agents into Acme in %.1f s%n", agents, (System.nanoTime() - seeded) / 1e9);

            var cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            signIn(browser, base);
            String token = token(home);

            List<Scenario> scenarios = List.of(
                    new Scenario("agent dashboard (cards + first page)", base + "/agents", false, null),
                    new Scenario("live search partial (q=sales)", base + "/agents?q=sales", true, null),
                    new Scenario("filtered partial (status, provider)", base + "/agents?status=IDLE&provider=openai", true, null),
                    new Scenario("deep page partial (sort=runs, offset=5000)", base + "/agents?sort=runs&offset=5000", true, null),
                    new Scenario("API GET /api/v1/agents?limit=20", base + "/api/v1/agents?limit=20", false, token));
            System.out.printf("%n%-44s %9s %9s %9s %9s%n", "scenario (" + requests + " sequential requests)", "median", "p95", "p99", "max");
            for (Scenario scenario : scenarios) {
                HttpClient client = scenario.token == null ? browser : plain;
                for (int i = 0; i < Math.min(100, requests); i++) {
                    send(client, scenario);
                }
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    send(client, scenario);
                    times.add((System.nanoTime() - t) / 1e6);
                }
                times.sort(Comparator.naturalOrder());
                System.out.printf("%-44s %7.2f ms %6.2f ms %6.2f ms %6.2f ms%n", scenario.name, pct(times, 50), pct(times, 95),
                        pct(times, 99), times.get(times.size() - 1));
            }
        } finally {
            app.destroy();
            app.waitFor();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Scenario(String name, String url, boolean htmx, String token) {
    }

    static void send(HttpClient client, Scenario scenario) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(scenario.url)).header("Accept", "text/html,application/json");
        if (scenario.htmx) {
            request.header("HX-Request", "true");
        }
        if (scenario.token != null) {
            request.header("Authorization", "Bearer " + scenario.token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(scenario.name + " answered " + response.statusCode());
        }
    }

    static void seed(int pgPort, int count) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/agenthub", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO agents (id, org_id, name, description, provider, model, temperature, max_tokens, top_p,
                                        traits, tone, behavior, language_style, instructions, tools, memory_mode,
                                        memory_max_messages, memory_token_budget, status, created_at, updated_at, runs,
                                        successes, total_tokens, total_cost, total_duration_ms)
                    SELECT gen_random_uuid(), '%s', 'Bench agent ' || i,
                           (ARRAY['Sales follow-up', 'Support triage', 'Finance summaries', 'HR answers'])[1 + i %% 4] || ' #' || i,
                           (ARRAY['openai', 'groq', 'anthropic', 'sandbox'])[1 + i %% 4],
                           (ARRAY['gpt-4o-mini', 'llama-3.3-70b-versatile', 'claude-haiku-4-5', 'sandbox'])[1 + i %% 4],
                           0.7, 1024, 1, ARRAY['bench'], 'PROFESSIONAL', 'HELPFUL', 'CONCISE', 'Benchmark agent.',
                           ARRAY['calculator'], 'NONE', 10, 4000,
                           (ARRAY['IDLE', 'IDLE', 'BUSY', 'OFFLINE'])[1 + i %% 4],
                           now() - (i || ' minutes')::interval, now() - (i || ' seconds')::interval,
                           (i * 7919) %% 1000, (i * 7919) %% 900, i * 13, (i %% 100) * 0.01, i * 50
                      FROM generate_series(1, %d) AS i""".formatted(ACME, count));
            statement.execute("ANALYZE agents");
        }
    }

    static void signIn(HttpClient browser, String base) throws Exception {
        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=owner%40acme.test&password=demo-password&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var response = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode());
        }
    }

    static String token(Path home) throws IOException {
        Properties tokens = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("demo-tokens.properties"))) {
            tokens.load(reader);
        }
        return tokens.getProperty("owner@acme.test");
    }

    static void waitHealthy(HttpClient client, String base, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited; see its log");
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app was not healthy within 90 s");
    }

    static int pgPort(Path log) throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("embedded PostgreSQL port not found in the app log");
        }
        return Integer.parseInt(m.group(1));
    }

    static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
