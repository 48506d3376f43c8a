package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import java.math.BigDecimal;
import java.util.UUID;

/** What a step ended with; {@code reused}: it had finished before the run was resumed, and was not run again. */
record StepResult(UUID stepId, StepSpec spec, ExecutionStatus status, String output, String error, BigDecimal cost,
                  boolean reused) {

    boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    RunnableTeam.Member member() {
        return spec.member();
    }

    static StepResult of(ExecutionView step, StepSpec spec, boolean reused) {
        return new StepResult(step.id(), spec, step.status(), step.output(), step.error(), step.cost(), reused);
    }

    static StepResult notStarted(StepSpec spec, String why) {
        return new StepResult(null, spec, ExecutionStatus.CANCELLED, null, why, BigDecimal.ZERO, false);
    }
}
