package com.agenthub.execution;

import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.team.RunnableTeam;
import com.agenthub.team.TeamPattern;
import com.agenthub.team.TeamRuntime;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a team run in its job: plays the team's pattern with the rails every pattern shares (cancel, deadline and
 * the team's cost cap stop all running members), then records the run once, its tokens and cost the exact sums of
 * its steps'. A run resumed on another instance replays its pattern; steps that had finished are not run again.
 */
@Component
class TeamRunner {

    private static final Logger log = LoggerFactory.getLogger(TeamRunner.class);

    record TeamStart(ExecutionView execution, RunnableTeam team) {
    }

    private final ExecutionRecords records;
    private final TeamRuntime teams;
    private final TeamSteps steps;
    private final TeamPrompts prompts;
    private final RunControl control;
    private final LiveOutput live;
    private final TransactionTemplate transaction;
    private final Map<TeamPattern, CoordinationPattern> patterns = new EnumMap<>(TeamPattern.class);

    TeamRunner(ExecutionRecords records, TeamRuntime teams, TeamSteps steps, TeamPrompts prompts, RunControl control,
               LiveOutput live, TransactionTemplate transaction, List<CoordinationPattern> patterns) {
        this.records = records;
        this.teams = teams;
        this.steps = steps;
        this.prompts = prompts;
        this.control = control;
        this.live = live;
        this.transaction = transaction;
        patterns.forEach(p -> this.patterns.put(p.pattern(), p));
    }

    /** In the transaction that locked the run for its start; null when it is not started. */
    TeamStart start(UUID orgId, ExecutionView execution) {
        RunnableTeam team = teams.load(orgId, execution.teamId()).orElse(null);
        if (team == null) {
            if (records.finishTeamRun(execution.id(), ExecutionStatus.FAILED, null,
                    "The team was deleted before the run started.", 0, null) == 1) {
                records.event(orgId, execution.id(), "FAILED", "Not started: the team was deleted.");
            }
            return null;
        }
        records.markTeamRunning(execution.id());
        records.event(orgId, execution.id(), "STARTED", execution.attempts() == 0
                ? "Team run started: " + team.pattern().label().toLowerCase(java.util.Locale.ROOT) + ", "
                  + team.members().size() + " members."
                : "Team run started again (attempt " + (execution.attempts() + 1) + "); steps that finished are kept.");
        live.started(execution.id(), execution.attempts() + 1);
        return new TeamStart(execution, team);
    }

    void complete(UUID orgId, TeamStart start) {
        ExecutionView execution = start.execution();
        UUID id = execution.id();
        long began = System.nanoTime();
        TeamRun run = new TeamRun(orgId, id, execution.requestedBy(), ExecutionRunner.userMessage(execution), start.team(),
                execution.deadlineAt(), prompts, steps, stop -> steps.async(() -> stopMembers(orgId, id, stop)));
        RunControl.Handle handle = control.register(orgId, id, execution.deadlineAt());
        handle.signal().subscribe(reason -> run.stop(reason == ExecutionStatus.TIMED_OUT
                ? new TeamRun.Stop(ExecutionStatus.TIMED_OUT, "The team run passed its deadline; running members were "
                  + "stopped and their partial output kept.")
                : new TeamRun.Stop(ExecutionStatus.CANCELLED, "The team run was cancelled; running members were stopped "
                  + "and their partial output kept.")));
        ExecutionStatus status = ExecutionStatus.FAILED;
        try {
            TeamAnswer answer = patterns.get(start.team().pattern()).play(run);
            TeamRun.Stop stop = run.stopReason();
            status = stop != null ? stop.status() : answer.succeeded() ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
            String error = stop != null ? stop.message() : answer.error();
            String output = answer.succeeded() ? answer.output() : null;
            record(orgId, start, status, output, error, (System.nanoTime() - began) / 1_000_000, answer.winnerStepId());
        } finally {
            control.unregister(id);
            live.finished(id, status);
        }
    }

    private void record(UUID orgId, TeamStart start, ExecutionStatus status, String output, String error, long durationMs,
                        UUID winner) {
        UUID id = start.execution().id();
        transaction.executeWithoutResult(s -> {
            if (records.finishTeamRun(id, status, output, error, durationMs, winner) == 1) {
                ExecutionView done = records.find(id).orElseThrow();
                BigDecimal cost = done.cost() == null ? BigDecimal.ZERO : done.cost();
                String kind = switch (done.status()) {
                    case SUCCEEDED -> "FINISHED";
                    case CANCELLED -> "CANCELLED";
                    case TIMED_OUT -> "TIMED_OUT";
                    default -> "FAILED";
                };
                long stepCount = records.countSteps(id);
                records.event(orgId, id, kind, (done.status() == ExecutionStatus.SUCCEEDED ? "" : error + " ") + stepCount
                        + " steps, " + done.totalTokens() + " tokens, $" + cost.toPlainString() + ", " + durationMs + " ms.");
                teams.recordRun(start.team().id(), done.status() == ExecutionStatus.SUCCEEDED, cost);
            }
        });
        if (status == ExecutionStatus.FAILED) {
            log.info("Team execution {} failed: {}", id, error);
        }
    }

    /**
     * The team stopped: its running members are stopped too (their provider streams closed, their partial output
     * kept). Cancelled and capped members are marked cancelled first, so their records say so.
     */
    private void stopMembers(UUID orgId, UUID executionId, TeamRun.Stop stop) {
        TenantContext.runAs(orgId, () -> {
            try {
                List<UUID> running = records.runningSteps(executionId, transaction);
                transaction.executeWithoutResult(s -> {
                    records.event(orgId, executionId, "STOPPING", stop.message().split(";")[0] + ": stopping "
                            + running.size() + " running member" + (running.size() == 1 ? "" : "s") + ".");
                    if (stop.status() != ExecutionStatus.TIMED_OUT) {
                        running.forEach(step -> records.cancel(step, stop.status() == ExecutionStatus.CANCELLED
                                ? "the team run being cancelled" : "the team's cost cap"));
                    }
                });
                running.forEach(step -> control.stop(step, stop.status() == ExecutionStatus.TIMED_OUT
                        ? ExecutionStatus.TIMED_OUT : ExecutionStatus.CANCELLED));
            } catch (RuntimeException e) {
                // The steps also see their cancel in the database within a second, and their deadline on their own.
                log.warn("Stopping the members of team execution {} failed: {}", executionId, e.toString());
            }
        });
    }
}
