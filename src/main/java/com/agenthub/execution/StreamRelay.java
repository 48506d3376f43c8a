package com.agenthub.execution;

import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's Server-Sent Events of a run: "chunk" events, "reset" when the text so far belonged to an attempt
 * that was started again, and one "done" with the recorded status. The run page also gets "html": the text so far
 * rendered as sanitized Markdown, a few times a second. Before "done", what the client was sent is
 * set against the stored output, so its text ends as the recorded one whatever a lost notification, a restart
 * or a frozen instance had sent it.
 */
final class StreamRelay {

    /** At most this often the page is sent the text so far rendered as sanitized HTML. */
    private static final long HTML_EVERY_NANOS = 300_000_000L;

    private final SseEmitter emitter;
    private final UnaryOperator<String> html;
    private final StringBuilder sent = new StringBuilder();
    private long htmlSentAt;
    private boolean closed;

    /** {@code html}: renders the text so far as sanitized HTML for "html" events (the run page), or null (the API). */
    StreamRelay(SseEmitter emitter, UnaryOperator<String> html) {
        this.emitter = emitter;
        this.html = html;
    }

    synchronized void chunk(String text) {
        if (!closed && !text.isEmpty()) {
            sent.append(text);
            closed = !send("chunk", Map.of("text", text));
            if (!closed && html != null && System.nanoTime() - htmlSentAt > HTML_EVERY_NANOS) {
                htmlSentAt = System.nanoTime();
                closed = !send("html", Map.of("html", html.apply(sent.toString())));
            }
        }
    }

    synchronized void reset() {
        if (!closed) {
            sent.setLength(0);
            closed = !send("reset", Map.of());
        }
    }

    /** Completes the client's text from the stored run and ends the stream with its recorded status. */
    synchronized void finish(ExecutionView stored) {
        if (closed) {
            return;
        }
        String output = stored.output() == null ? "" : stored.output();
        if (!output.startsWith(sent.toString())) {
            sent.setLength(0);
            send("reset", Map.of());
        }
        if (output.length() > sent.length()) {
            send("chunk", Map.of("text", output.substring(sent.length())));
            sent.setLength(0);
            sent.append(output);
        }
        if (html != null) {
            send("html", Map.of("html", html.apply(output)));
        }
        send("done", Map.of("status", stored.status().id()));
        closed = true;
        emitter.complete();
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
    }

    private boolean send(String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }
}
