package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import com.agenthub.shared.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stops runs in progress in this instance: at their deadline, or when cancelled. A cancel made on this
 * instance stops the stream at once; one made on another instance is found in the database within a
 * second. Stopping closes the provider stream, so a cancelled run stops spending.
 */
@Component
class RunControl {

    private static final Logger log = LoggerFactory.getLogger(RunControl.class);

    static final class Handle {
        final UUID orgId;
        final UUID executionId;
        final Instant deadline;
        final Sinks.One<ExecutionStatus> stop = Sinks.one();
        final AtomicReference<ExecutionStatus> reason = new AtomicReference<>();

        Handle(UUID orgId, UUID executionId, Instant deadline) {
            this.orgId = orgId;
            this.executionId = executionId;
            this.deadline = deadline;
        }

        Mono<ExecutionStatus> signal() {
            return stop.asMono();
        }

        ExecutionStatus reason() {
            return reason.get();
        }
    }

    private final Map<UUID, Handle> active = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("run-control"));
    private long ticks;

    RunControl(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        watcher.scheduleWithFixedDelay(this::watch, 250, 250, TimeUnit.MILLISECONDS);
    }

    Handle register(UUID orgId, UUID executionId, Instant deadline) {
        Handle handle = new Handle(orgId, executionId, deadline);
        active.put(executionId, handle);
        return handle;
    }

    void unregister(UUID executionId) {
        active.remove(executionId);
    }

    void stop(UUID executionId, ExecutionStatus reason) {
        Handle handle = active.get(executionId);
        if (handle != null && handle.reason.compareAndSet(null, reason)) {
            handle.stop.tryEmitValue(reason);
        }
    }

    private void watch() {
        try {
            Instant now = Instant.now();
            active.values().stream().filter(h -> h.deadline != null && now.isAfter(h.deadline))
                    .forEach(h -> stop(h.executionId, ExecutionStatus.TIMED_OUT));
            if (++ticks % 4 == 0 && !active.isEmpty()) {
                stopCancelledElsewhere();
            }
        } catch (RuntimeException e) {
            log.warn("Checking runs in progress failed; trying again shortly", e);
        }
    }

    private void stopCancelledElsewhere() {
        Map<UUID, List<UUID>> byOrg = active.values().stream()
                .collect(Collectors.groupingBy(h -> h.orgId, Collectors.mapping(h -> h.executionId, Collectors.toList())));
        byOrg.forEach((orgId, ids) -> TenantContext.runAs(orgId, () -> transaction.executeWithoutResult(s ->
                jdbc.sql("SELECT id FROM executions WHERE id = ANY(?) AND status = 'CANCELLED'")
                        .param(ids.toArray(UUID[]::new))
                        .query(UUID.class).list()
                        .forEach(id -> stop(id, ExecutionStatus.CANCELLED)))));
    }

    @PreDestroy
    void shutdown() {
        watcher.shutdownNow();
    }
}
