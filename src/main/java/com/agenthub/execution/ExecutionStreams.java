package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import com.agenthub.organization.Actor;
import com.agenthub.shared.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one execution: "chunk" events with text as it is generated, then one "done"
 * event with the final status. A run streaming in this instance is relayed as each chunk arrives; one
 * streaming on another instance is relayed through {@link RemoteOutput} (PostgreSQL LISTEN/NOTIFY).
 */
@Component
public class ExecutionStreams {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExecutionStreams.class);
    private static final long TIMEOUT_MS = Duration.ofMinutes(15).toMillis();

    private final ExecutionService executions;
    private final LiveOutput live;
    private final RemoteOutput remotes;
    private final ScheduledExecutorService watcher = Executors.newScheduledThreadPool(2, DaemonThreads.named("execution-stream-watcher"));

    ExecutionStreams(ExecutionService executions, LiveOutput live, RemoteOutput remotes) {
        this.executions = executions;
        this.live = live;
        this.remotes = remotes;
    }

    public SseEmitter open(Actor actor, UUID id) {
        ExecutionView execution = executions.get(actor, id);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        if (execution.status().finished()) {
            done(emitter, execution.status());
            return emitter;
        }
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> watch = new AtomicReference<>();
        LiveOutput.Listener listener = new LiveOutput.Listener() {
            @Override
            public void onChunk(String text) {
                if (!closed.get() && !send(emitter, "chunk", Map.of("text", text))) {
                    closed.set(true);
                }
            }

            @Override
            public void onFinished(ExecutionStatus status) {
                if (closed.compareAndSet(false, true)) {
                    done(emitter, status);
                }
            }
        };
        AtomicReference<RemoteOutput.Watch> remote = new AtomicReference<>();
        Runnable cleanup = () -> {
            closed.set(true);
            live.unsubscribe(id, listener);
            if (remote.get() != null) {
                remote.get().close();
            }
            ScheduledFuture<?> future = watch.get();
            if (future != null) {
                future.cancel(false);
            }
        };
        emitter.onCompletion(cleanup);
        emitter.onTimeout(cleanup);
        emitter.onError(e -> cleanup.run());
        if (!live.subscribe(id, listener)) {
            // Streaming elsewhere, or not started yet: watch it through the database until it starts here,
            // which is quicker, or ends. Its stored output then completes whatever a lost message left out.
            Runnable finishFromDatabase = () -> {
                ExecutionView stored = TenantContext.callAs(actor.orgId(), () -> executions.get(actor, id));
                if (!stored.status().finished() || !closed.compareAndSet(false, true)) {
                    return;
                }
                int delivered = remote.get().delivered();
                if (stored.output() != null && stored.output().length() > delivered) {
                    send(emitter, "chunk", Map.of("text", stored.output().substring(delivered)));
                }
                done(emitter, stored.status());
                cleanup.run();
            };
            remote.set(remotes.watch(id, text -> listener.onChunk(text), status -> finishFromDatabase.run()));
            long[] polls = {0};
            watch.set(watcher.scheduleWithFixedDelay(() -> {
                try {
                    if (closed.get()) {
                        watch.get().cancel(false);
                    } else if (remote.get().delivered() == 0 && live.subscribe(id, listener)) {
                        remote.get().close(); // relayed live from here on
                        watch.get().cancel(false);
                    } else if (++polls[0] % 5 == 0) {
                        remote.get().renew();
                        if (polls[0] % 10 == 0) {
                            finishFromDatabase.run(); // the instance running it may have died
                        }
                    }
                } catch (RuntimeException e) {
                    log.debug("Watching execution {} failed once: {}", id, e.toString());
                }
            }, 100, 100, TimeUnit.MILLISECONDS));
        }
        return emitter;
    }

    private static boolean send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static void done(SseEmitter emitter, ExecutionStatus status) {
        send(emitter, "done", Map.of("status", status.id()));
        emitter.complete();
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
