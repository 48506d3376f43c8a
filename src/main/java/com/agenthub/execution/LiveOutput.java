package com.agenthub.execution;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Output of the runs executing in this instance, passed to listeners as it arrives. A listener that
 * subscribes mid-run first gets everything streamed so far, then each new chunk, in order.
 */
@Component
public class LiveOutput {

    public interface Listener {
        void onChunk(String text);

        void onFinished(ExecutionStatus status);
    }

    private static final class Stream {
        final StringBuilder text = new StringBuilder();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
    }

    private final Map<UUID, Stream> streams = new ConcurrentHashMap<>();

    void started(UUID executionId) {
        streams.putIfAbsent(executionId, new Stream());
    }

    void publish(UUID executionId, String chunk) {
        Stream stream = streams.get(executionId);
        if (stream == null) {
            return;
        }
        synchronized (stream) {
            stream.text.append(chunk);
            stream.listeners.forEach(l -> l.onChunk(chunk));
        }
    }

    void finished(UUID executionId, ExecutionStatus status) {
        Stream stream = streams.remove(executionId);
        if (stream != null) {
            synchronized (stream) {
                stream.listeners.forEach(l -> l.onFinished(status));
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
}
