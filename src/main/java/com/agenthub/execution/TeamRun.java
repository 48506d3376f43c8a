package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One team run in progress: what the patterns play with (the team, the task, steps, events) and the rails that
 * hold for all of them. The first stop (cancel, deadline or the cost cap) wins; once set, no step starts and the
 * running ones are stopped by {@link TeamRunner}.
 */
final class TeamRun {

    /** Why a team run stopped early, and what its record says. */
    record Stop(ExecutionStatus status, String message) {
    }

    final UUID orgId;
    final UUID executionId;
    final UUID requestedBy;
    final String task;
    final RunnableTeam team;
    final Instant deadline;
    final TeamPrompts prompts;
    private final TeamSteps steps;
    private final Consumer<Stop> onStop;
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Map<UUID, BigDecimal> inFlight = new ConcurrentHashMap<>();
    private BigDecimal settled = BigDecimal.ZERO;

    TeamRun(UUID orgId, UUID executionId, UUID requestedBy, String task, RunnableTeam team, Instant deadline,
            TeamPrompts prompts, TeamSteps steps, Consumer<Stop> onStop) {
        this.orgId = orgId;
        this.executionId = executionId;
        this.requestedBy = requestedBy;
        this.task = task;
        this.team = team;
        this.deadline = deadline;
        this.prompts = prompts;
        this.steps = steps;
        this.onStop = onStop;
    }

    StepResult step(StepSpec spec) {
        return steps.run(this, spec);
    }

    /** Runs the steps at the same time (a round lasts as long as its slowest member); results in their order. */
    List<StepResult> parallel(List<StepSpec> specs) {
        return steps.runAll(this, specs);
    }

    void event(String kind, String message) {
        steps.event(this, kind, message);
    }

    boolean stopped() {
        return stop.get() != null;
    }

    Stop stopReason() {
        return stop.get();
    }

    String prompt(String name, Map<String, ?> values) {
        return prompts.render(name, values);
    }

    /** The first stop wins; the runner then stops the steps still running. */
    void stop(Stop reason) {
        if (stop.compareAndSet(null, reason)) {
            onStop.accept(reason);
        }
    }

    Set<UUID> runningSteps() {
        return Set.copyOf(running);
    }

    /** A step began calling its model, its input estimated at {@code inputCost}; false when the run stopped meanwhile. */
    boolean began(UUID stepId, BigDecimal inputCost) {
        running.add(stepId);
        inFlight.put(stepId, inputCost);
        checkCap();
        return !stopped();
    }

    /** Output streamed by a step, estimated at {@code cost}: the cost cap is held while members stream. */
    void streamed(UUID stepId, BigDecimal cost) {
        inFlight.merge(stepId, cost, BigDecimal::add);
        checkCap();
    }

    /** A step ended and its actual cost is recorded (a reused step adds what it cost before). */
    void settled(UUID stepId, BigDecimal cost) {
        running.remove(stepId);
        synchronized (this) {
            inFlight.remove(stepId);
            settled = settled.add(cost == null ? BigDecimal.ZERO : cost);
        }
        checkCap();
    }

    synchronized BigDecimal spent() {
        return inFlight.values().stream().reduce(settled, BigDecimal::add);
    }

    private void checkCap() {
        if (team.costCap() == null || stopped()) {
            return;
        }
        BigDecimal spent = spent();
        if (spent.compareTo(team.costCap()) > 0) {
            stop(new Stop(ExecutionStatus.FAILED, "The team reached its cost cap of $" + team.costCap().toPlainString()
                    + " (about $" + spent.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString()
                    + " spent or streaming); running members were stopped and their partial output kept."));
        }
    }
}
