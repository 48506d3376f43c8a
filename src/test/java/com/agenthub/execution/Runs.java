package com.agenthub.execution;

import static org.awaitility.Awaitility.await;

import com.agenthub.organization.Actor;
import com.agenthub.shared.tenancy.TenantContext;
import java.time.Duration;
import java.util.UUID;

/** Runs submitted through the service, for tests that look at how a run ended. */
final class Runs {

    private Runs() {
    }

    /** Submits the task as {@code actor} in its organization and waits (at most 20 s) until the run has finished. */
    static ExecutionView toEnd(ExecutionService executions, Actor actor, UUID agentId, String task) {
        UUID orgId = actor.orgId();
        var queued = TenantContext.callAs(orgId, () -> executions.submit(actor, agentId, new SubmitRun(task, null, null)));
        ExecutionView[] run = {null};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            run[0] = TenantContext.callAs(orgId, () -> executions.get(actor, queued.id()));
            return run[0].status().finished();
        });
        return run[0];
    }
}
