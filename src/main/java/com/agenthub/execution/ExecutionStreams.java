package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import com.agenthub.organization.Actor;
import com.agenthub.shared.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of one execution (see {@link StreamRelay}): "chunk" events with text as it is generated,
 * "reset" when the run was started again, then one "done" event with the recorded status. A run streaming in this instance is relayed as each chunk arrives; one
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
        return open(actor, id, null);
    }

    /** With {@code html}, the stream also carries the text so far rendered as sanitized HTML (for the run page). */
    public SseEmitter open(Actor actor, UUID id, java.util.function.UnaryOperator<String> html) {
        ExecutionView execution = executions.get(actor, id);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        StreamRelay relay = new StreamRelay(emitter, html);
        if (execution.status().finished()) {
            relay.finish(execution); // the stored output, then done
            return emitter;
        }
        AtomicReference<ScheduledFuture<?>> watch = new AtomicReference<>();
        AtomicReference<RemoteOutput.Watch> remote = new AtomicReference<>();
        Runnable finishFromDatabase = () -> {
            ExecutionView stored = TenantContext.callAs(actor.orgId(), () -> executions.get(actor, id));
            if (stored.status().finished()) {
                relay.finish(stored);
            }
        };
        LiveOutput.Listener listener = new LiveOutput.Listener() {
            @Override
            public void onChunk(String text) {
                relay.chunk(text);
            }

            @Override
            public void onFinished(ExecutionStatus status) {
                watcher.execute(() -> finishQuietly(id, finishFromDatabase)); // done says what was recorded
            }
        };
        Runnable cleanup = () -> {
            relay.close();
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
            remote.set(remotes.watch(id, relay::chunk, status -> finishQuietly(id, finishFromDatabase), relay::reset));
            long[] polls = {0};
            watch.set(watcher.scheduleWithFixedDelay(() -> {
                try {
                    if (relay.closed()) {
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

    private static void finishQuietly(UUID id, Runnable finish) {
        try {
            finish.run();
        } catch (RuntimeException e) {
            log.debug("Finishing the stream of execution {} failed: {}", id, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
