import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AgentHub benchmarks. Starts the packaged app on a fresh embedded database (its own process) and a fake
 * OpenAI-compatible provider (another process, {@code FakeProvider.java}), loads data, measures each
 * scenario next to its floor (the least work any implementation must do for the same result, measured in
 * the same run) and prints one table. Usage: bench/run.sh [pages] [runs] [burst] [sse] [startup] [--quick] [--jfr]
 */
public class Bench {

    static final String ACME = "00000000-0000-4000-a000-00000000ac3e";
    static boolean quick;
    static boolean jfr;
    static final List<Result> results = new ArrayList<>();

    /** One line of the final table. {@code ratio} is app ÷ floor for times, app ÷ floor for rates. */
    record Result(String scenario, String figure, String target, String floor, String ratio, boolean met) {
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--jfr")) {
                jfr = true;
            } else {
                scenarios.add(arg);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("pages", "runs", "burst", "sse", "teams", "startup");
        }
        // Without it the JDK's HTTP server delays small responses by the 40 ms of delayed ACKs (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long began = System.nanoTime();
        Fake fake = Fake.start();
        App app = App.start(fake.port, null, false);
        try {
            System.out.printf("start-up to healthy (fresh data directory, demo data): %.1f s%n%n", app.startupSeconds);
            for (String scenario : scenarios) {
                switch (scenario) {
                    case "pages" -> pages(app, fake);
                    case "runs" -> runs(app, fake);
                    case "burst" -> burst(app, fake);
                    case "sse" -> sse(app, fake);
                    case "teams" -> teams(app, fake);
                    case "startup" -> app = startup(app, fake);
                    default -> throw new IllegalArgumentException("unknown scenario " + scenario);
                }
            }
        } finally {
            app.close();
            fake.close();
        }
        System.out.printf("%n%-62s %-22s %-12s %-22s %-8s %s%n", "scenario", "measured", "target", "floor", "÷ floor", "");
        for (Result r : results) {
            System.out.printf("%-62s %-22s %-12s %-22s %-8s %s%n", r.scenario, r.figure, r.target, r.floor, r.ratio,
                    r.met ? "met" : "MISSED");
        }
        System.out.printf("%nbench took %.0f s%s%n", (System.nanoTime() - began) / 1e9, quick ? " (--quick)" : "");
        System.exit(0);
    }

    // --- scenarios -------------------------------------------------------------------------------

    /** The executions page under 16 clients with 1M executions, and the agent dashboard with 10k agents. */
    static void pages(App app, Fake fake) throws Exception {
        int agentCount = quick ? 2_000 : 10_000;
        int executionCount = quick ? 100_000 : 1_000_000;
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
                  FROM generate_series(1, %d) AS i""".formatted(ACME, agentCount));
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
                          AND name NOT LIKE 'Bench agent%%') a""".formatted(ACME, executionCount));
        app.sql("ANALYZE agents");
        app.sql("ANALYZE executions");
        System.out.printf("seeded %,d agents and %,d executions into Acme in %.1f s%n%n", agentCount, executionCount,
                (System.nanoTime() - t) / 1e9);
        String agentId = app.scalar("SELECT id::text FROM agents WHERE org_id = '" + ACME + "' AND name = 'Support Agent'");
        String middle = app.scalar("SELECT created_at::text FROM executions WHERE org_id = '" + ACME
                + "' ORDER BY created_at DESC OFFSET " + executionCount / 2 + " LIMIT 1");
        String middleId = app.scalar("SELECT id::text FROM executions WHERE org_id = '" + ACME
                + "' ORDER BY created_at DESC, id DESC OFFSET " + executionCount / 2 + " LIMIT 1");
        String cursor = java.time.OffsetDateTime.parse(middle.replace(" ", "T").replaceAll("\\+00$", "+00:00"))
                .toInstant() + "_" + middleId;
        String oneId = app.scalar("SELECT id::text FROM executions WHERE org_id = '" + ACME + "' ORDER BY created_at DESC LIMIT 1");
        Scenario dashboard = new Scenario("agent dashboard (cards + first page)", "/agents", false, false);
        Scenario executionsPage = new Scenario("executions page (newest 25)", "/executions", false, false);
        Map<Scenario, List<Double>> sequential = table(app::get, List.of(
                dashboard,
                new Scenario("agents: live search partial (q=sales)", "/agents?q=sales", true, false),
                new Scenario("agents: deep page partial (sort=runs)", "/agents?sort=runs&offset=" + agentCount / 2, true, false),
                new Scenario("API GET /api/v1/agents?limit=20", "/api/v1/agents?limit=20", false, true),
                executionsPage,
                new Scenario("executions: partial status=FAILED", "/executions?status=FAILED", true, false),
                new Scenario("executions: partial one agent", "/executions?agent=" + agentId, true, false),
                new Scenario("executions: partial middle page (keyset)", "/executions?after="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8), true, false),
                new Scenario("execution detail page", "/executions/" + oneId, false, false),
                new Scenario("API GET /api/v1/executions/{id}", "/api/v1/executions/" + oneId, false, true)));
        CpuMeter cpu = CpuMeter.start(app, fake);
        List<Double> concurrentPages = concurrent(app::get, executionsPage, 16);
        System.out.println(cpu.perUnit(16 * (quick ? 25 : 100) + 16 * 5, "page"));
        List<Double> concurrentPartials = concurrent(app::get,
                new Scenario("executions partial status=FAILED", "/executions?status=FAILED", true, false), 16);
        try (PageFloor floor = PageFloor.start(app)) {
            List<Double> floorDashboard = table(floor::get, List.of(dashboard)).get(dashboard);
            List<Double> floorPages = concurrent(floor::get, executionsPage, 16);
            results.add(time("agent dashboard, " + agentCount / 1000 + "k agents + " + executionCount / 1000 + "k executions, p95",
                    pct(sequential.get(dashboard), 95), 50, pct(floorDashboard, 95)));
            results.add(time("executions page, " + executionCount / 1000 + "k executions, 16 clients, p95",
                    pct(concurrentPages, 95), 50, pct(floorPages, 95)));
            results.add(time("executions HTMX partial, 16 clients, p95", pct(concurrentPartials, 95), 50, pct(floorPages, 95)));
        }
    }

    /** Runs per second at 0 ms provider latency, one agent, submitted over the API by 16 clients. */
    static void runs(App app, Fake fake) throws Exception {
        int count = quick ? 300 : 2_000;
        raiseLimits(app, 64);
        // A server in service has compiled its hot paths; a fresh JVM's first runs measure the JIT compiler.
        String warmUp = app.createAgent("Warm-up");
        int warmUpCount = quick ? 300 : Integer.getInteger("warmup", 3_000);
        long warmUpStart = System.nanoTime();
        submitAll(app, warmUp, warmUpCount, 16);
        double warmUpSeconds = app.awaitFinished(warmUp, warmUpCount, warmUpStart);
        System.out.printf("warm-up: %d runs at %.0f/s on a fresh JVM%n", warmUpCount, warmUpCount / warmUpSeconds);
        String agent = app.createAgent("Throughput");
        CpuMeter cpu = CpuMeter.start(app, fake);
        DbWork db = DbWork.start(app);
        long start = System.nanoTime();
        double submitted = submitAll(app, agent, count, 16);
        double seconds = app.awaitFinished(agent, count, start);
        System.out.println(cpu.perUnit(count, "run"));
        System.out.println(db.perUnit(count, "run"));
        String failed = app.scalar("SELECT count(*) FROM executions WHERE agent_id = '" + agent + "' AND status = 'FAILED'");
        double floor = RunFloor.run(app, fake, count, 16, "");
        System.out.printf("%nruns at 0 ms: %d submitted by 16 clients in %.2f s; all finished in %.2f s (%s failed); floor %.0f/s%n",
                count, submitted, seconds, failed, floor);
        double rate = count / seconds;
        results.add(new Result("runs/s, provider at 0 ms, one agent, API → done (" + count + " runs)",
                String.format("%.0f runs/s", rate), "≥ 500/s, ≥ 0.5", String.format("%.0f runs/s", floor),
                String.format("%.2f", rate / floor), rate >= 500 && rate / floor >= 0.5));
    }

    /**
     * Team runs at 0 ms provider latency: the app's CPU per model call of a 4-member pipeline and a 4-member
     * democratic team against a single agent's run (whose one call is the floor), and the wall time of a
     * collaborative round of 4 members at 1 s latency against the 1 s one call takes.
     */
    static void teams(App app, Fake fake) throws Exception {
        int runs = quick ? 100 : 400;
        app.sql("UPDATE organizations SET tier = 'ENTERPRISE' WHERE id = '" + ACME + "'");
        raiseLimits(app, 16);
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            members.add(app.createAgent("Team member " + i));
        }
        String pipeline = createTeam(app, "Bench pipeline", "PIPELINE", members, 1);
        String democratic = createTeam(app, "Bench democratic", "DEMOCRATIC", members, 1);
        String collaborative = createTeam(app, "Bench collaborative", "COLLABORATIVE", members, 1);
        String single = app.createAgent("Team baseline");
        // warm-up of every path measured below
        submitAll(app, "/api/v1/agents/" + single + "/execute", runs, 16, "");
        app.awaitFinished(single, runs, System.nanoTime());
        for (String team : List.of(pipeline, democratic)) {
            submitAll(app, "/api/v1/teams/" + team + "/execute", runs / 4, 16, "");
            awaitTeam(app, team, runs / 4);
        }

        CpuMeter cpu = CpuMeter.start(app, fake);
        submitAll(app, "/api/v1/agents/" + single + "/execute", runs, 16, "");
        app.awaitFinished(single, 2 * runs, System.nanoTime());
        double perRun = cpu.appMs(runs);
        System.out.printf("single agent: app CPU %.2f ms per run (one model call)%n", perRun);
        for (String[] team : new String[][] {{pipeline, "4-member pipeline", "4"}, {democratic, "4-member democratic", "8"}}) {
            long before = Long.parseLong(app.scalar("SELECT count(*) FROM executions WHERE team_id = '" + team[0] + "'"));
            CpuMeter teamCpu = CpuMeter.start(app, fake);
            submitAll(app, "/api/v1/teams/" + team[0] + "/execute", runs, 16, "");
            awaitTeam(app, team[0], (int) before + runs);
            int calls = Integer.parseInt(app.scalar("SELECT count(*) FROM executions s JOIN executions p ON p.id = s.parent_id "
                    + "WHERE p.team_id = '" + team[0] + "' AND p.created_at >= (SELECT created_at FROM executions WHERE team_id = '"
                    + team[0] + "' ORDER BY created_at OFFSET " + before + " LIMIT 1)"));
            double perCall = teamCpu.appMs(calls);
            System.out.printf("%s: %d runs, %d model calls (%s a run); app CPU %.2f ms per call%n", team[1], runs, calls,
                    team[2], perCall);
            results.add(new Result("team orchestration, " + team[1] + ", app CPU per model call ÷ one agent run's",
                    String.format("%.2f ms (%.2f×)", perCall, perCall / perRun), "≤ 1.3×", String.format("%.2f ms", perRun),
                    String.format("%.2f", perCall / perRun), perCall / perRun <= 1.3));
        }
        submitAll(app, "/api/v1/teams/" + collaborative + "/execute", 1, 1, " [wait:1000]");
        awaitTeam(app, collaborative, 1);
        double round = Double.parseDouble(app.scalar("SELECT extract(epoch FROM max(s.finished_at) - min(s.started_at)) "
                + "FROM executions s JOIN executions p ON p.id = s.parent_id WHERE p.team_id = '" + collaborative
                + "' AND s.step_key LIKE 'draft-%'"));
        System.out.printf("collaborative round of 4 members at 1 s latency: %.3f s wall%n", round);
        results.add(time("collaborative round, 4 members, provider at 1 s: wall", round * 1000, 1_300, 1_000));
    }

    static String createTeam(App app, String name, String pattern, List<String> members, int rounds) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        app.sql("INSERT INTO teams (id, org_id, name, pattern, max_rounds, timeout_seconds) VALUES ('" + id + "', '" + ACME
                + "', '" + name + "', '" + pattern + "', " + rounds + ", 300)");
        for (int i = 0; i < members.size(); i++) {
            app.sql("INSERT INTO team_members (team_id, org_id, agent_id, position, role, lead) VALUES ('" + id + "', '" + ACME
                    + "', '" + members.get(i) + "', " + (i + 1) + ", 'Member " + (i + 1) + "', " + (i == 0) + ")");
        }
        return id;
    }

    static void awaitTeam(App app, String team, int count) throws Exception {
        long start = System.nanoTime();
        while (Long.parseLong(app.scalar("SELECT count(*) FROM executions WHERE team_id = '" + team
                + "' AND status NOT IN ('QUEUED', 'RUNNING') AND duration_ms IS NOT NULL")) < count
                && (System.nanoTime() - start) / 1e9 < 600) {
            Thread.sleep(100);
        }
    }

    static void submitAll(App app, String path, int count, int clients, String marker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            submits.add(pool.submit(() -> app.api("POST", path, "{\"task\": \"team run " + n + marker + "\"}")));
        }
        for (Future<?> f : submits) {
            f.get();
        }
        pool.shutdown();
    }

    /** Submits {@code count} runs of the agent over the API from 16 clients; returns the seconds it took. */
    static double submitAll(App app, String agent, int count, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            submits.add(pool.submit(() -> app.api("POST", "/api/v1/agents/" + agent + "/execute", "{\"task\": \"run " + n + "\"}")));
        }
        for (Future<?> f : submits) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** 2,000 runs submitted at once, provider at 2 s latency, Enterprise with the concurrency raised. */
    static void burst(App app, Fake fake) throws Exception {
        int count = quick ? 500 : 2_000;
        app.sql("UPDATE organizations SET tier = 'ENTERPRISE' WHERE id = '" + ACME + "'");
        raiseLimits(app, count);
        String agent = app.createAgent("Burst");
        HeapWatch heap = HeapWatch.start(app);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            submits.add(pool.submit(() -> app.api("POST", "/api/v1/agents/" + agent + "/execute",
                    "{\"task\": \"burst " + n + " [wait:2000]\"}")));
        }
        for (Future<?> f : submits) {
            f.get();
        }
        double submitted = (System.nanoTime() - start) / 1e9;
        double seconds = app.awaitFinished(agent, count, start);
        pool.shutdown();
        long peakHeap = heap.stop();
        double floor = count / RunFloor.run(app, fake, count, count, " [wait:2000]");
        System.out.printf("%nburst: %d runs at 2 s latency submitted in %.2f s; all finished %.2f s after the first; peak heap %d MB; floor %.2f s%n",
                count, submitted, seconds, peakHeap >> 20, floor);
        results.add(time(count + " runs at once, provider at 2 s: all done (s)", seconds * 1000, 8_000, floor * 1000, "s"));
        results.add(new Result("  … peak heap during that burst (-Xmx768m)", (peakHeap >> 20) + " MB", "< 768 MB", "—", "—",
                peakHeap < 768L << 20));
    }

    /** How long a streamed chunk takes from the provider writing it to an SSE client of the app reading it. */
    static void sse(App app, Fake fake) throws Exception {
        int count = quick ? 20 : 100;
        raiseLimits(app, 64);
        String agent = app.createAgent("Streamer");
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < count + 5; i++) {
            String created = app.api("POST", "/api/v1/agents/" + agent + "/execute", "{\"task\": \"sse " + i + " [stamp]\"}");
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
            id.find();
            double latency = firstStampedChunk(app.plain, HttpRequest.newBuilder(URI.create(app.base + "/api/v1/executions/"
                    + id.group(1) + "/stream")).header("Authorization", "Bearer " + app.token).GET().build());
            if (i >= 5) { // the first few warm up
                latencies.add(latency);
            }
        }
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            floor.add(firstStampedChunk(app.plain, HttpRequest.newBuilder(URI.create(fake.url() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"floor [stamp]\"}]}")).build()));
        }
        Collections.sort(latencies);
        Collections.sort(floor);
        System.out.printf("%nSSE: stamped chunk provider → app → client over %d runs: median %.1f ms, p95 %.1f ms; floor p95 %.1f ms%n",
                count, pct(latencies, 50), pct(latencies, 95), pct(floor, 95));
        results.add(time("first streamed chunk, provider → SSE client, p95", pct(latencies, 95), 50, pct(floor, 95)));
    }

    /**
     * Restarts the app on its existing data, as {@code java -jar} and with its class data sharing archive
     * ({@code deploy/cds.sh}); the floor is PostgreSQL alone starting on that data.
     */
    static App startup(App app, Fake fake) throws Exception {
        Path home = app.home;
        app.stop();
        double floor = PostgresFloor.startSeconds(home.resolve("pgdata"));
        App plain = App.start(fake.port, home, false);
        plain.stop();
        App cds = App.start(fake.port, home, true);
        System.out.printf("%nstart-up on existing data: java -jar %.1f s, with the CDS archive %.1f s; PostgreSQL alone %.1f s%n",
                plain.startupSeconds, cds.startupSeconds, floor);
        results.add(time("start-up to healthy, existing data, java -jar (s)", plain.startupSeconds * 1000, 10_000, floor * 1000, "s"));
        results.add(time("start-up to healthy, existing data, with CDS archive (s)", cds.startupSeconds * 1000, 10_000,
                floor * 1000, "s"));
        return cds;
    }

    static void raiseLimits(App app, int concurrent) throws Exception {
        app.sql("INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES ('" + ACME
                + "', 'max_concurrent_executions', " + concurrent + "), ('" + ACME + "', 'max_executions_per_month', NULL), ('"
                + ACME + "', 'max_agents', NULL) "
                + "ON CONFLICT (org_id, limit_name) DO UPDATE SET limit_value = excluded.limit_value");
    }

    /** Reads an SSE or streamed body until the chunk carrying "t=<micros>" and returns its age in ms. */
    static double firstStampedChunk(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Pattern stamp = Pattern.compile("t=(\\d{16})");
            for (String line; (line = reader.readLine()) != null; ) {
                Matcher m = stamp.matcher(line);
                if (m.find()) {
                    java.time.Instant now = java.time.Instant.now();
                    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                    return (micros - Long.parseLong(m.group(1))) / 1000.0;
                }
            }
        }
        throw new IllegalStateException("no stamped chunk in the stream of " + request.uri());
    }

    static Result time(String name, double measuredMs, double targetMs, double floorMs) {
        return time(name, measuredMs, targetMs, floorMs, "ms");
    }

    static Result time(String name, double measuredMs, double targetMs, double floorMs, String unit) {
        java.util.function.DoubleFunction<String> show = ms -> unit.equals("s") ? String.format("%.1f s", ms / 1000)
                : String.format("%.1f ms", ms);
        return new Result(name, show.apply(measuredMs), "≤ " + show.apply(targetMs).replace(".0 ", " "), show.apply(floorMs),
                String.format("%.1f×", measuredMs / floorMs), measuredMs <= targetMs);
    }

    // --- measurement ------------------------------------------------------------------------------

    record Scenario(String name, String path, boolean htmx, boolean api) {
    }

    /** Sequential requests after a warm-up; prints a line per scenario and returns the sorted times. */
    static Map<Scenario, List<Double>> table(java.util.function.Consumer<Scenario> get, List<Scenario> scenarios) {
        int requests = quick ? 100 : 500;
        Map<Scenario, List<Double>> all = new java.util.LinkedHashMap<>();
        System.out.printf("%-48s %9s %9s %9s%n", "scenario (" + requests + " sequential requests)", "median", "p95", "p99");
        for (Scenario scenario : scenarios) {
            for (int i = 0; i < Math.min(50, requests); i++) {
                get.accept(scenario);
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                get.accept(scenario);
                times.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(times);
            System.out.printf("%-48s %6.2f ms %6.2f ms %6.2f ms%n", scenario.name, pct(times, 50), pct(times, 95), pct(times, 99));
            all.put(scenario, times);
        }
        return all;
    }

    static List<Double> concurrent(java.util.function.Consumer<Scenario> get, Scenario scenario, int clients) throws Exception {
        int perClient = quick ? 25 : 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients * 5; i++) {
            get.accept(scenario);
        }
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    get.accept(scenario);
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
        System.out.printf("%-48s %6.2f ms %6.2f ms %6.2f ms%n", scenario.name + ", " + clients + " clients", pct(all, 50),
                pct(all, 95), pct(all, 99));
        return all;
    }

    static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // --- floors -------------------------------------------------------------------------------------

    /**
     * The least a page server must do: find the session, run the page's queries on the same database,
     * write the rows as HTML. JDK HTTP server and plain JDBC, one connection per worker, 16 workers.
     */
    static final class PageFloor implements AutoCloseable {
        final HttpServer server;
        final HttpClient client = HttpClient.newHttpClient();
        final ThreadLocal<Connection> connections;

        private PageFloor(HttpServer server, ThreadLocal<Connection> connections) {
            this.server = server;
            this.connections = connections;
        }

        static PageFloor start(App app) throws IOException {
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(app.jdbcUrl, "postgres", "");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            PageFloor floor = new PageFloor(server, connections);
            server.createContext("/", floor::serve);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            return floor;
        }

        private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            try (exchange) {
                Connection db = connections.get();
                StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><table>");
                try {
                    rows(db, "SELECT session_id FROM spring_session WHERE session_id = 'no-such-session'", html);
                    if (exchange.getRequestURI().getPath().startsWith("/agents")) {
                        rows(db, "SELECT count(*), coalesce(sum(runs), 0), coalesce(sum(total_cost), 0) FROM agents WHERE org_id = '"
                                + ACME + "' AND deleted_at IS NULL", html);
                        rows(db, "SELECT id, name, description, provider, model, status, runs, total_cost FROM agents WHERE org_id = '"
                                + ACME + "' AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT 21", html);
                    } else {
                        rows(db, "SELECT e.id, a.name, e.status, e.created_at, e.duration_ms, e.cost FROM executions e "
                                + "JOIN agents a ON a.id = e.agent_id WHERE e.org_id = '" + ACME
                                + "' ORDER BY e.created_at DESC, e.id DESC LIMIT 26", html);
                    }
                } catch (java.sql.SQLException e) {
                    throw new IOException(e);
                }
                byte[] bytes = html.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        private static void rows(Connection db, String sql, StringBuilder html) throws java.sql.SQLException {
            try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    html.append("<tr>");
                    for (int c = 1; c <= columns; c++) {
                        html.append("<td>").append(String.valueOf(rs.getString(c)).replace("&", "&amp;").replace("<", "&lt;"))
                                .append("</td>");
                    }
                    html.append("</tr>");
                }
            }
        }

        void get(Scenario scenario) {
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                        + scenario.path)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("floor answered " + response.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /**
     * The least a run must cost: insert a row, one streamed call to the same fake provider, update the
     * row; plain JDBC and the JDK HTTP client, {@code workers} at a time. Returns runs per second.
     */
    static final class RunFloor {
        static double run(App app, Fake fake, int count, int workers, String marker) throws Exception {
            app.sql("CREATE TABLE IF NOT EXISTS bench_floor_runs (id uuid PRIMARY KEY, org_id uuid NOT NULL, task text NOT NULL, "
                    + "status text NOT NULL, output text, input_tokens integer, output_tokens integer, "
                    + "created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)");
            app.sql("TRUNCATE bench_floor_runs");
            int poolSize = Math.min(workers, 64);
            java.util.concurrent.BlockingQueue<Connection> pool = new java.util.concurrent.ArrayBlockingQueue<>(poolSize);
            for (int i = 0; i < poolSize; i++) {
                pool.add(DriverManager.getConnection(app.jdbcUrl, "postgres", ""));
            }
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            Pattern usage = Pattern.compile("\"prompt_tokens\":(\\d+),\"completion_tokens\":(\\d+)");
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(threads.submit(() -> {
                    java.util.UUID id = java.util.UUID.randomUUID();
                    withConnection(pool, db -> {
                        try (var insert = db.prepareStatement("INSERT INTO bench_floor_runs (id, org_id, task, status) VALUES (?, ?::uuid, ?, 'RUNNING')")) {
                            insert.setObject(1, id);
                            insert.setString(2, ACME);
                            insert.setString(3, "floor " + n + marker);
                            insert.executeUpdate();
                        }
                    });
                    String body = http.send(HttpRequest.newBuilder(URI.create(fake.url() + "/v1/chat/completions"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                                    + "\"messages\":[{\"role\":\"user\",\"content\":\"floor " + n + marker + "\"}]}")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher tokens = usage.matcher(body);
                    tokens.find();
                    withConnection(pool, db -> {
                        try (var update = db.prepareStatement("UPDATE bench_floor_runs SET status = 'SUCCEEDED', output = ?, "
                                + "input_tokens = ?, output_tokens = ?, finished_at = now() WHERE id = ?")) {
                            update.setString(1, body.length() > 40 ? body.substring(0, 40) : body);
                            update.setInt(2, Integer.parseInt(tokens.group(1)));
                            update.setInt(3, Integer.parseInt(tokens.group(2)));
                            update.setObject(4, id);
                            update.executeUpdate();
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdown();
            for (Connection c : pool) {
                c.close();
            }
            return count / seconds;
        }

        interface Work {
            void with(Connection db) throws Exception;
        }

        static void withConnection(java.util.concurrent.BlockingQueue<Connection> pool, Work work) throws Exception {
            Connection db = pool.take();
            try {
                work.with(db);
            } finally {
                pool.add(db);
            }
        }
    }

    /** PostgreSQL alone (the app's embedded-database library and binaries) starting on the app's data. */
    static final class PostgresFloor {
        static double startSeconds(Path dataDirectory) throws Exception {
            for (int i = 0; i < 100 && Files.exists(dataDirectory.resolve("postmaster.pid")); i++) {
                Thread.sleep(100); // the app's PostgreSQL is still shutting down
            }
            String classpath = Files.readString(Path.of("target", "bench-postgres.classpath")).strip();
            Process process = new ProcessBuilder(javaCommand(), "-cp", classpath, "bench/PostgresStart.java", dataDirectory.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("PostgreSQL alone did not start: " + output);
            }
            Matcher seconds = Pattern.compile("seconds=([0-9.]+)").matcher(output);
            if (!seconds.find()) {
                throw new IllegalStateException("PostgreSQL alone printed no time: " + output);
            }
            return Double.parseDouble(seconds.group(1));
        }
    }

    /** What the database did between two readings, from PostgreSQL's statistics views, per unit of work. */
    static final class DbWork {
        private static final String QUERY = """
                SELECT relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins + n_tup_upd + n_tup_del,
                       (SELECT sum(xact_commit) FROM pg_stat_database)
                  FROM pg_stat_all_tables WHERE schemaname = 'public'""";
        private final App app;
        private final Map<String, long[]> start;

        private DbWork(App app) throws Exception {
            this.app = app;
            this.start = read();
        }

        static DbWork start(App app) throws Exception {
            app.sql("SELECT pg_stat_clear_snapshot()");
            return new DbWork(app);
        }

        String perUnit(int units, String unit) throws Exception {
            Thread.sleep(600); // the statistics reach the views within half a second
            app.sql("SELECT pg_stat_clear_snapshot()");
            Map<String, long[]> end = read();
            long commits = 0;
            List<String> tables = new ArrayList<>();
            for (var e : end.entrySet()) {
                long[] a = start.getOrDefault(e.getKey(), new long[4]);
                long[] b = e.getValue();
                commits = b[3] - a[3];
                long seq = b[0] - a[0], idx = b[1] - a[1], rows = b[2] - a[2];
                if (seq + idx + rows >= units) {
                    tables.add(String.format("%s (%.1f index scans, %.1f table scans, %.1f rows written)", e.getKey(),
                            idx / (double) units, seq / (double) units, rows / (double) units));
                }
            }
            Collections.sort(tables);
            return String.format("database per %s: %.1f commits; %s", unit, commits / (double) units, String.join("; ", tables));
        }

        private Map<String, long[]> read() throws Exception {
            Map<String, long[]> rows = new java.util.TreeMap<>();
            try (var s = app.db.createStatement(); var rs = s.executeQuery(QUERY)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
            return rows;
        }
    }

    /**
     * CPU time used by each process of the bench between two readings, from {@code /proc} (Linux): the app's
     * JVM, its embedded PostgreSQL (the JVM's child processes), the fake provider and this client. It shows
     * where a scenario's work goes when all of them share the machine's cores.
     */
    static final class CpuMeter {
        private final App app;
        private final Fake fake;
        private final long[] start;

        private CpuMeter(App app, Fake fake) {
            this.app = app;
            this.fake = fake;
            this.start = read();
        }

        static CpuMeter start(App app, Fake fake) {
            return new CpuMeter(app, fake);
        }

        /** "app 9.1 ms, PostgreSQL 6.0 ms, …" per unit of work, or empty where /proc is not there. */
        String perUnit(int units, String unit) {
            long[] end = read();
            if (end[0] < 0) {
                return "";
            }
            String[] names = {"app", "PostgreSQL", "fake provider", "bench client"};
            StringBuilder line = new StringBuilder("CPU per " + unit + ":");
            for (int i = 0; i < names.length; i++) {
                line.append(String.format(" %s %.2f ms%s", names[i], (end[i] - start[i]) * 10.0 / units, i < names.length - 1 ? "," : ""));
            }
            return line.toString();
        }

        /** The app JVM's CPU milliseconds per unit since the start. */
        double appMs(int units) {
            return (read()[0] - start[0]) * 10.0 / units;
        }

        private long[] read() {
            long appJvm = ticks(app.process.pid());
            long postgres = postgres().mapToLong(p -> ticks(p.pid())).sum();
            return new long[] {appJvm, postgres, ticks(fake.process.pid()), ticks(ProcessHandle.current().pid())};
        }

        /** The embedded PostgreSQL server and its backends: it runs detached from the JVM that started it. */
        private java.util.stream.Stream<ProcessHandle> postgres() {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(app.home.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
                return ProcessHandle.of(postmaster).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                        p.descendants())).orElse(java.util.stream.Stream.empty());
            } catch (Exception e) {
                return java.util.stream.Stream.empty();
            }
        }

        /** User plus system time in clock ticks (1/100 s), or -1. */
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception e) {
                return -1;
            }
        }
    }

    /**
     * The app's peak heap from its GC log: every collection logs the heap it found ("312M->80M"), which is
     * the peak since the one before; the log costs the app nothing, unlike scraping its metrics.
     */
    static final class HeapWatch {
        private static final Pattern BEFORE = Pattern.compile("\\) (\\d+)M->\\d+M\\(");
        final App app;
        final long from;

        private HeapWatch(App app, long from) {
            this.app = app;
            this.from = from;
        }

        static HeapWatch start(App app) throws Exception {
            return new HeapWatch(app, Files.size(app.gcLog()));
        }

        long stop() throws Exception {
            long peak = 0;
            byte[] log = Files.readAllBytes(app.gcLog());
            String since = new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8);
            for (Matcher m = BEFORE.matcher(since); m.find(); ) {
                peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
            }
            String body = app.plain.send(HttpRequest.newBuilder(URI.create(app.base + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body(); // the heap now, which no collection has logged yet
            Pattern used = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)$");
            long now = 0;
            for (Matcher m = used.matcher(body); m.find(); ) {
                now += (long) Double.parseDouble(m.group(1));
            }
            return Math.max(peak, now);
        }
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
        String jdbcUrl;
        Connection db;

        private App(Path home, Process process, int port) {
            this.home = home;
            this.process = process;
            this.base = "http://localhost:" + port;
        }

        /** {@code cds}: the extracted jar with its class data sharing archive ({@code deploy/cds.sh}). */
        static App start(int fakePort, Path existingHome, boolean cds) throws Exception {
            Path home = existingHome != null ? existingHome : Files.createTempDirectory("agenthub-bench");
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx768m", "-Xlog:gc:file=" + home.resolve("gc.log")));
            if (jfr) {
                Path recording = Path.of("bench", "out", "app-" + System.currentTimeMillis() + ".jfr").toAbsolutePath();
                Files.createDirectories(recording.getParent());
                // Spring's stacks are deeper than JFR's default of 64 frames.
                command.addAll(List.of("-XX:FlightRecorderOptions:stackdepth=512",
                        "-XX:StartFlightRecording=filename=" + recording + ",settings=profile"));
                System.out.println("recording the app with JFR to " + recording);
            }
            if (cds) {
                command.addAll(List.of("-XX:SharedArchiveFile=target/app/agenthub.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-jar", "target/app/agenthub.jar"));
            } else {
                command.addAll(List.of("-jar", "target/agenthub.jar"));
            }
            var builder = new ProcessBuilder(command);
            builder.environment().put("AGENTHUB_HOME", home.toString());
            builder.environment().put("SPRING_PROFILES_ACTIVE", "demo");
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("OPENAI_API_KEY", "bench-key");
            builder.environment().put("AGENTHUB_LLM_OPENAI_API_URL", "http://127.0.0.1:" + fakePort + "/v1");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("app.log").toFile()));
            long t = System.nanoTime();
            App app = new App(home, builder.start(), port);
            app.waitHealthy();
            app.startupSeconds = (System.nanoTime() - t) / 1e9;
            Matcher m = Pattern.compile("Embedded PostgreSQL on port (\\d+)").matcher(Files.readString(home.resolve("app.log")));
            String pgPort = null;
            while (m.find()) {
                pgPort = m.group(1); // the latest start's
            }
            if (pgPort == null) {
                throw new IllegalStateException("embedded PostgreSQL port not found in the app log");
            }
            app.jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/agenthub";
            app.db = DriverManager.getConnection(app.jdbcUrl, "postgres", "");
            app.signIn();
            Properties tokens = new Properties();
            try (var reader = Files.newBufferedReader(home.resolve("demo-tokens.properties"))) {
                tokens.load(reader);
            }
            app.token = tokens.getProperty("owner@acme.test");
            return app;
        }

        String createAgent(String name) {
            String created = api("POST", "/api/v1/agents", "{\"name\": \"" + name + "\", \"timeout_seconds\": 300, "
                    + "\"model_config\": {\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"max_tokens\": 200}}");
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("could not create the agent: " + created);
            }
            return id.group(1);
        }

        /** Seconds from {@code start} until all of the agent's runs ended. */
        double awaitFinished(String agent, int count, long start) throws Exception {
            long done;
            do {
                Thread.sleep(100);
                done = Long.parseLong(scalar("SELECT count(*) FROM executions WHERE agent_id = '" + agent
                        + "' AND status NOT IN ('QUEUED', 'RUNNING')"));
            } while (done < count && (System.nanoTime() - start) / 1e9 < 600);
            return (System.nanoTime() - start) / 1e9;
        }

        Path gcLog() {
            return home.resolve("gc.log");
        }

        /** Stops the app gracefully and keeps its data directory. */
        void stop() throws Exception {
            db.close();
            process.destroy();
            process.waitFor();
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
            if (db != null && !db.isClosed()) {
                db.close();
            }
            process.destroy();
            process.waitFor();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The fake provider in its own process ({@code bench/FakeProvider.java}). */
    static final class Fake implements AutoCloseable {
        final Process process;
        final int port;

        private Fake(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Fake start() throws Exception {
            int port = freePort();
            Process process = new ProcessBuilder(javaCommand(), "-Xmx256m", "bench/FakeProvider.java", Integer.toString(port))
                    .redirectErrorStream(true).start();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || !line.contains("listening")) {
                throw new IllegalStateException("the fake provider did not start: " + line);
            }
            return new Fake(process, port);
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    /** The JDK the app and the fake run on: BENCH_JAVA_HOME when set, else the one running the bench. */
    static String javaCommand() {
        String home = System.getenv("BENCH_JAVA_HOME");
        return home != null ? Path.of(home, "bin", "java").toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
