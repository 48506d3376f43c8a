package com.agenthub.execution;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Output of the runs executing in this instance, passed to listeners as it arrives. A listener that
 * subscribes mid-run first gets everything streamed so far, then each new chunk, in order. While another
 * instance watches a run (see {@link OutputChannel}), its output is relayed there as well.
 */
@Component
public class LiveOutput {

    /** How long a watch from another instance lasts without being renewed. */
    private static final long WATCH_NANOS = TimeUnit.SECONDS.toNanos(10);

    public interface Listener {
        void onChunk(String text);

        void onFinished(ExecutionStatus status);
    }

    private static final class Stream {
        final StringBuilder text = new StringBuilder();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final int attempt;
        long watchedUntil; // System.nanoTime(); 0 while nobody elsewhere watches

        Stream(int attempt) {
            this.attempt = attempt;
        }
    }

    private final Map<UUID, Stream> streams = new ConcurrentHashMap<>();
    private final OutputChannel channel;

    LiveOutput(OutputChannel channel) {
        this.channel = channel;
        channel.onWatch(this::watched);
    }

    /** {@code attempt}: the run's start count, so watchers elsewhere can tell a restarted run from the one before. */
    void started(UUID executionId, int attempt) {
        streams.putIfAbsent(executionId, new Stream(attempt));
    }

    void publish(UUID executionId, String chunk) {
        Stream stream = streams.get(executionId);
        if (stream == null) {
            return;
        }
        synchronized (stream) {
            int offset = stream.text.length();
            stream.text.append(chunk);
            stream.listeners.forEach(l -> l.onChunk(chunk));
            if (watchedElsewhere(stream)) {
                channel.chunk(executionId, stream.attempt, offset, chunk);
            }
        }
    }

    void finished(UUID executionId, ExecutionStatus status) {
        Stream stream = streams.remove(executionId);
        if (stream != null) {
            synchronized (stream) {
                stream.listeners.forEach(l -> l.onFinished(status));
                if (watchedElsewhere(stream)) {
                    channel.done(executionId, status);
                }
            }
        }
    }

    /** Subscribes when the run is streaming here; false when it is not (not started, finished, or elsewhere). */
    public boolean subscribe(UUID executionId, Listener listener) {
        Stream stream = streams.get(executionId);
        if (stream == null) {
            return false;
        }
        synchronized (stream) {
            if (streams.get(executionId) != stream) {
                return false;
            }
            if (!stream.text.isEmpty()) {
                listener.onChunk(stream.text.toString());
            }
            stream.listeners.add(listener);
            return true;
        }
    }

    public void unsubscribe(UUID executionId, Listener listener) {
        Stream stream = streams.get(executionId);
        if (stream != null) {
            stream.listeners.remove(listener);
        }
    }

    /** A watch request from any instance: "id|1" asks for the text so far, "id|0" only renews. */
    private void watched(String payload) {
        String[] parts = payload.split("\\|", 2);
        Stream stream = streams.get(UUID.fromString(parts[0]));
        if (stream == null) {
            return; // not streaming here
        }
        synchronized (stream) {
            stream.watchedUntil = System.nanoTime() + WATCH_NANOS;
            if ("1".equals(parts[1]) && !stream.text.isEmpty()) {
                channel.chunk(UUID.fromString(parts[0]), stream.attempt, 0, stream.text.toString());
            }
        }
    }

    private static boolean watchedElsewhere(Stream stream) {
        return stream.watchedUntil != 0 && System.nanoTime() - stream.watchedUntil < 0;
    }
}
