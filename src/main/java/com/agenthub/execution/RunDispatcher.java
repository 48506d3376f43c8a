package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives queued runs their jobs as their organizations' slots free up (see {@code dispatch_executions}).
 * Signals coalesce: however many runs are submitted or finish meanwhile, one pass follows. Instances take
 * turns under one advisory lock, and every instance also looks once a second, so a slot freed by a run
 * on another instance, or by a dead one, is used without any message between instances.
 */
@Component
class RunDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RunDispatcher.class);
    private static final int BATCH = 500;
    private static final long DISPATCH_LOCK = 0x6167656e74687562L; // "agenthub"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Scheduler scheduler;
    private final OneTimeTask<ExecutionJob> task;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("run-dispatcher"));

    RunDispatcher(JdbcClient jdbc, TransactionTemplate transaction, Scheduler scheduler, OneTimeTask<ExecutionJob> task) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.scheduler = scheduler;
        this.task = task;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        thread.scheduleWithFixedDelay(this::signal, 1, 1, TimeUnit.SECONDS);
    }

    /** A job ended: its slot is free (the job cannot call back here, as the scheduler runs it). */
    @EventListener
    void on(RunSlotFreed freed) {
        signal();
    }

    /** Asks for a dispatch pass soon; cheap, and safe to call from any thread as often as wanted. */
    void signal() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    private void drain() {
        pending.set(false);
        try {
            int dispatched;
            do {
                dispatched = dispatchOnce();
            } while (dispatched == BATCH);
        } catch (RuntimeException e) {
            log.warn("Dispatching queued runs failed; the next pass retries: {}", e.toString());
        }
    }

    /** One pass: marks the runs that may start and schedules their jobs in the same transaction. */
    int dispatchOnce() {
        List<SchedulableInstance<?>> jobs = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(DISPATCH_LOCK).query().singleRow();
            List<SchedulableInstance<?>> due = new ArrayList<>();
            jdbc.sql("SELECT execution_id, org_id, priority FROM dispatch_executions(?)").param(BATCH)
                    .query(rs -> {
                        due.add(task.instanceBuilder(rs.getString(1))
                                .data(new ExecutionJob((UUID) rs.getObject(1), (UUID) rs.getObject(2)))
                                .priority(rs.getInt(3))
                                .scheduledTo(Instant.now()));
                    });
            if (!due.isEmpty()) {
                scheduler.scheduleBatch(due);
            }
            return due;
        });
        if (jobs != null && !jobs.isEmpty()) {
            scheduler.triggerCheckForDueExecutions();
        }
        return jobs == null ? 0 : jobs.size();
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
