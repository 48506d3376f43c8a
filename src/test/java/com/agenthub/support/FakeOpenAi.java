package com.agenthub.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible server for tests, spoken to over real HTTP by the real Spring AI client. The task
 * (last user message) steers it: {@code [status:500]} fails with that status, {@code [slow]} streams
 * twenty chunks about 60 ms apart ({@code [veryslow]}: 500 ms), {@code [wait:1000]} answers after that
 * many milliseconds, {@code [flaky:2]} fails twice with 503 then answers, {@code [retryafter:2]} answers
 * 429 asking for a 2 s wait once, {@code [chaos]} fails 30% of calls in assorted ways, {@code [xss]}
 * answers with hostile markup, {@code [weather]} fails 30% of calls with 503, {@code [long]} streams for about
 * thirty seconds, {@code [nofinish]} ends its stream without a finish reason or usage, {@code [break]} drops the
 * connection half-way through the answer, {@code [stall:1]} starts the stream of the first call and then sends
 * only keep-alive comments (no data) for twenty seconds, answering later calls normally. Usage is always reported as 1,200 prompt and 800 completion tokens.
 */
public final class FakeOpenAi {

    public static final int PROMPT_TOKENS = 1200;
    public static final int COMPLETION_TOKENS = 800;
    public static final String XSS = "Hello <script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\"> "
            + "[click me](javascript:window.__xss=3)";

    private static FakeOpenAi shared;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Long> receivedAt = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> chaosCounts = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> downKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failuresSoFar =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, java.util.concurrent.CountDownLatch> holds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.function.BiFunction<String, String, String>> scripts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern SCRIPTED_WAIT = java.util.regex.Pattern.compile("^\\[wait:(\\d+)]");

    /** The task of the request this server thread is answering: MockWebServer writes each answer on its thread. */
    private static final ThreadLocal<String> ANSWERING = new ThreadLocal<>();
    private final Map<String, Long> closedByClient = new java.util.concurrent.ConcurrentHashMap<>();

    private FakeOpenAi() throws IOException {
        server.setServerSocketFactory(new ObservingServerSockets(() -> {
            String task = ANSWERING.get();
            if (task != null) {
                closedByClient.putIfAbsent(task, System.nanoTime());
            }
        }));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
        server.start();
    }

    public static synchronized FakeOpenAi shared() {
        if (shared == null) {
            try {
                shared = new FakeOpenAi();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** The chat requests received whose last user message contains {@code marker}. */
    public List<JsonNode> requestsContaining(String marker) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode request : requests) {
            if (lastUser(request).contains(marker)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /**
     * Requests whose last user message contains {@code marker} are answered by {@code answer(system, user)} (the
     * system and last user messages), streamed like any answer; a reply starting with {@code [wait:N]} waits N ms
     * first, and a null reply falls through to the usual markers. For scripting what each team member says.
     */
    public void script(String marker, java.util.function.BiFunction<String, String, String> answer) {
        scripts.put(marker, answer);
    }

    /** Every request sent with this API key fails with 503 while it is down. */
    public void setDown(String apiKey, boolean down) {
        if (down) {
            downKeys.add("Bearer " + apiKey);
        } else {
            downKeys.remove("Bearer " + apiKey);
        }
    }

    /**
     * Requests whose last user message contains {@code marker} are received and counted, then wait (at most
     * 30 s) until the returned latch is released: a test can see how many calls a client has in flight.
     */
    public java.util.concurrent.CountDownLatch hold(String marker) {
        var latch = new java.util.concurrent.CountDownLatch(1);
        holds.put(marker, latch);
        return latch;
    }

    /**
     * When the client closed the connection while this server was still sending the answer to the task
     * containing {@code marker} ({@link System#nanoTime()}), or null while it has not.
     */
    public Long closedByClient(String marker) {
        return closedByClient.entrySet().stream().filter(e -> e.getKey().contains(marker)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** How many answers to tasks containing {@code marker} the client closed while they were being sent. */
    public long closedByClientCount(String marker) {
        return closedByClient.keySet().stream().filter(k -> k.contains(marker)).count();
    }

    /** When ({@link System#nanoTime()}) each request whose last user message contains {@code marker} arrived. */
    public synchronized List<Long> receivedAt(String marker) {
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (lastUser(requests.get(i)).contains(marker)) {
                matching.add(receivedAt.get(i));
            }
        }
        return matching;
    }

    /** The Authorization headers of the requests whose last user message contains {@code marker}. */
    public synchronized List<String> authorizationsFor(String marker) {
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (lastUser(requests.get(i)).contains(marker)) {
                matching.add(authorizations.get(i));
            }
        }
        return matching;
    }

    private MockResponse respond(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody().readUtf8());
        synchronized (this) {
            requests.add(body);
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            receivedAt.add(System.nanoTime());
        }
        String task = lastUser(body);
        ANSWERING.set(task);
        String asked = task;
        holds.forEach((marker, latch) -> {
            if (asked.contains(marker)) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        if (request.getPath() != null && request.getPath().endsWith("/messages")) {
            return anthropic(body, task);
        }
        if (downKeys.contains(String.valueOf(request.getHeader("Authorization")))) {
            return new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"down for maintenance\",\"type\":\"server_error\"}}");
        }
        if (task.contains("[chaos]")) {
            MockResponse fault = chaos(body.path("stream").asBoolean(false));
            if (fault != null) {
                return fault;
            }
        }
        if (task.contains("[weather]") && java.util.concurrent.ThreadLocalRandom.current().nextInt(100) < 30) {
            return new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        }
        var retryAfter = java.util.regex.Pattern.compile("\\[retryafter:(\\d+)]").matcher(task);
        if (retryAfter.find() && failuresSoFar.computeIfAbsent(task, t -> new java.util.concurrent.atomic.AtomicInteger())
                .getAndIncrement() == 0) {
            return new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json")
                    .setHeader("retry-after", retryAfter.group(1))
                    .setBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}");
        }
        var flaky = java.util.regex.Pattern.compile("\\[flaky:(\\d)]").matcher(task);
        if (flaky.find() && failuresSoFar.computeIfAbsent(task, t -> new java.util.concurrent.atomic.AtomicInteger())
                .getAndIncrement() < Integer.parseInt(flaky.group(1))) {
            return new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"temporarily overloaded\",\"type\":\"server_error\"}}");
        }
        var status = java.util.regex.Pattern.compile("\\[status:(\\d{3})]").matcher(task);
        if (status.find()) {
            int code = Integer.parseInt(status.group(1));
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"fake failure " + code + "\",\"type\":\"fake\",\"code\":\"" + code + "\"}}");
        }
        var stall = java.util.regex.Pattern.compile("\\[stall:(\\d)]").matcher(task);
        if (stall.find() && body.path("stream").asBoolean(false) && failuresSoFar.computeIfAbsent(task,
                t -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement() < Integer.parseInt(stall.group(1))) {
            return stalled(body.path("model").asString("gpt-4o-mini"));
        }
        if (task.contains("[ask]")) {
            String result = toolResult(body);
            if (result == null) {
                return toolCall(body, "ask_agent", "{\\\"agentName\\\":\\\"Researcher\\\",\\\"question\\\":\\\"Capital of France?\\\"}");
            }
            task = "[answered] The researcher said: " + result.replace("\"", "");
        } else if (task.contains("[calc]")) {
            String result = toolResult(body);
            if (result == null) {
                return toolCall(body, "calculator", "{\\\"expression\\\":\\\"(2+3)*4\\\"}");
            }
            task = "[answered] The calculator says " + result.replace("\"", "");
        }
        String scripted = null;
        long scriptedWait = 0;
        for (var script : scripts.entrySet()) {
            if (task.contains(script.getKey()) && (scripted = script.getValue().apply(system(body), task)) != null) {
                var w = SCRIPTED_WAIT.matcher(scripted);
                if (w.lookingAt()) {
                    scriptedWait = Long.parseLong(w.group(1));
                    scripted = scripted.substring(w.end());
                }
                break;
            }
        }
        String model = body.path("model").asString("gpt-4o-mini");
        String answer = scripted != null ? scripted : task.contains("[xss]") ? XSS : task.startsWith("[answered] ") ? task.substring(11) : "Fake answer to: " + task.replaceAll("\\[[a-z]+(:\\d+)?]", "").strip();
        boolean slow = task.contains("[slow]") || task.contains("[veryslow]");
        boolean slowest = task.contains("[long]");
        var wait = java.util.regex.Pattern.compile("\\[wait:(\\d+)]").matcher(task);
        long waitMs = Math.max(scriptedWait, wait.find() ? Long.parseLong(wait.group(1)) : 0);
        if (!body.path("stream").asBoolean(false)) {
            return new MockResponse().setHeadersDelay(waitMs, TimeUnit.MILLISECONDS).setHeader("Content-Type", "application/json").setBody("""
                    {"id":"chatcmpl-fake","object":"chat.completion","created":1700000000,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                    .formatted(model, quote(answer), PROMPT_TOKENS, COMPLETION_TOKENS, PROMPT_TOKENS + COMPLETION_TOKENS));
        }
        List<String> chunks = new ArrayList<>();
        if (slowest) {
            for (int i = 1; i <= 300; i++) {
                chunks.add(String.format("part-%03d ", i));
            }
        } else if (slow && scripted == null) {
            for (int i = 1; i <= 20; i++) {
                chunks.add(String.format("part-%02d ", i));
            }
        } else {
            for (int i = 0; i < answer.length(); i += 8) {
                chunks.add(answer.substring(i, Math.min(answer.length(), i + 8)));
            }
        }
        StringBuilder events = new StringBuilder();
        events.append(event(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String chunk : chunks) {
            events.append(event(model, "{\"content\":" + quote(chunk) + "}", null));
        }
        if (task.contains("[nofinish]")) {
            // a stream that simply ends: no finish reason, no usage
            return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(events + "data: [DONE]\n\n");
        }
        if (task.contains("[break]")) {
            return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(events.toString())
                    .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        }
        events.append(event(model, "{}", "stop"));
        events.append("data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"")
                .append(model).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":").append(PROMPT_TOKENS)
                .append(",\"completion_tokens\":").append(COMPLETION_TOKENS).append(",\"total_tokens\":")
                .append(PROMPT_TOKENS + COMPLETION_TOKENS).append("}}\n\n");
        events.append("data: [DONE]\n\n");
        MockResponse response = new MockResponse().setHeadersDelay(waitMs, TimeUnit.MILLISECONDS)
                .setHeader("Content-Type", "text/event-stream").setBody(events.toString());
        if (slowest) {
            response.throttleBody(180, 100, TimeUnit.MILLISECONDS); // about thirty seconds
        } else if (slow) {
            // about one event per period
            response.throttleBody(180, task.contains("[veryslow]") ? 500 : 60, TimeUnit.MILLISECONDS);
        }
        return response;
    }

    /**
     * A stream that starts and then goes quiet: only SSE comments, which carry no data, one every 20 ms. They
     * keep the connection busy, so a client that closes it is seen within a few writes.
     */
    private static MockResponse stalled(String model) {
        String start = event(model, "{\"role\":\"assistant\",\"content\":\"\"}", null);
        String keepAlive = ":" + " ".repeat(start.length() - 2) + "\n"; // as long as the first event: one a period
        return new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(start + keepAlive.repeat(1_000)).throttleBody(start.length(), 20, TimeUnit.MILLISECONDS);
    }

    /** Faults injected by {@code [chaos]} so far, by kind. */
    public Map<String, Integer> chaosInjected() {
        return Map.copyOf(chaosCounts);
    }

    /** For {@code [chaos]}: 30% of calls fail, evenly a 429 with Retry-After, a 500, a hang, or a malformed body. */
    private MockResponse chaos(boolean stream) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        if (random.nextInt(100) >= 30) {
            return null;
        }
        String kind = List.of("429", "500", "hang", "malformed").get(random.nextInt(4));
        chaosCounts.merge(kind, 1, Integer::sum);
        return switch (kind) {
            case "429" -> new MockResponse().setResponseCode(429).setHeader("Content-Type", "application/json")
                    .setHeader("retry-after-ms", "150")
                    .setBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}");
            case "500" -> new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
            case "hang" -> new MockResponse().setHeadersDelay(30, TimeUnit.SECONDS).setBody("");
            default -> stream
                    ? new MockResponse().setHeader("Content-Type", "text/event-stream").setBody("data: {\"id\": <html>oops\n\n")
                    : new MockResponse().setHeader("Content-Type", "application/json").setBody("<html>Bad gateway</html>");
        };
    }

    /** The content of the tool message the client sent back, or null before the tool was called. */
    private static String toolResult(JsonNode body) {
        String result = null;
        for (JsonNode message : body.path("messages")) {
            if ("tool".equals(message.path("role").asString(""))) {
                result = message.path("content").isString() ? message.path("content").asString() : message.path("content").toString();
            }
        }
        return result;
    }

    /** A streamed answer that asks the client to call one tool; {@code arguments} is JSON escaped for a JSON string. */
    private static MockResponse toolCall(JsonNode body, String tool, String arguments) {
        String model = body.path("model").asString("gpt-4o-mini");
        String call = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_" + tool
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"" + arguments + "\"}}]}";
        return new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(event(model, call, null) + event(model, "{}", "tool_calls") + "data: [DONE]\n\n");
    }

    /** The Anthropic Messages protocol: the same answers and usage, in its own event shapes. */
    private MockResponse anthropic(JsonNode body, String task) {
        String model = body.path("model").asString("claude-haiku-4-5");
        String answer = "Fake answer to: " + task.replaceAll("\\[[a-z-]+(:\\d+)?]", "").strip();
        if (!body.path("stream").asBoolean(false)) {
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                    "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\","
                            + "\"content\":[{\"type\":\"text\",\"text\":" + quote(answer) + "}],\"stop_reason\":\"end_turn\","
                            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + PROMPT_TOKENS + ",\"output_tokens\":"
                            + COMPLETION_TOKENS + "}}");
        }
        StringBuilder events = new StringBuilder();
        events.append(sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + PROMPT_TOKENS + ",\"output_tokens\":1}}}"));
        events.append(sse("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (int i = 0; i < answer.length(); i += 8) {
            events.append(sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(answer.substring(i, Math.min(answer.length(), i + 8))) + "}}"));
        }
        events.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.append(sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + COMPLETION_TOKENS + "}}"));
        events.append(sse("message_stop", "{\"type\":\"message_stop\"}"));
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(events.toString());
    }

    private static String sse(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    public String anthropicBaseUrl() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    private static String event(String model, String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static String system(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            if ("system".equals(message.path("role").asString(""))) {
                JsonNode content = message.path("content");
                if (content.isString()) {
                    text.append(content.asString());
                } else {
                    content.forEach(block -> text.append(block.path("text").asString("")));
                }
            }
        }
        return text.toString();
    }

    private static String lastUser(JsonNode body) {
        String last = "";
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                JsonNode content = message.path("content");
                if (content.isString()) {
                    last = content.asString();
                } else {
                    StringBuilder text = new StringBuilder();
                    content.forEach(block -> text.append(block.path("text").asString("")));
                    last = text.toString();
                }
            }
        }
        return last;
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
