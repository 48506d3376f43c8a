import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions endpoint for the benchmarks, run as its own process:
 * {@code java bench/FakeProvider.java <port>}. It streams three chunks and the usage at once; the task
 * steers it: {@code [wait:2000]} answers after that many milliseconds, {@code [stamp]} sends one chunk
 * carrying the wall-clock time (microseconds) at which it was written, 200 ms after the headers, so a
 * client can measure how long that chunk took to reach it.
 */
public class FakeProvider {

    private static final Pattern WAIT = Pattern.compile("\\[wait:(\\d+)]");
    private static final String CHUNK = "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
    private static final String END = "data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":4,\"total_tokens\":54}}\n\ndata: [DONE]\n\n";

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no 40 ms delayed-ACK stalls on small writes
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
        server.createContext("/v1/chat/completions", FakeProvider::answer);
        server.setExecutor(Executors.newCachedThreadPool()); // a sleeping request holds a thread, as a slow provider would
        server.start();
        System.out.println("fake provider listening on " + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher wait = WAIT.matcher(body);
            if (wait.find()) {
                sleep(Long.parseLong(wait.group(1)));
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (body.contains("[stamp]")) {
                out.write(CHUNK.formatted("", "null").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(200);
                Instant now = Instant.now();
                long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                out.write(CHUNK.formatted("t=" + micros + " ", "null").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(100);
            }
            out.write((CHUNK.formatted("Benchmark ", "null") + CHUNK.formatted("answer.", "null")
                    + CHUNK.formatted("", "\"stop\"") + END).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
