package com.agenthub.execution;

import com.agenthub.agent.AgentRuntime;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.RunnableAgent;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelTarget;
import com.agenthub.llm.ModelView;
import com.agenthub.llm.Provider;
import com.agenthub.llm.RunnableModels;
import com.agenthub.llm.TokenEstimate;
import com.agenthub.shared.DaemonThreads;
import com.agenthub.shared.VirtualThreads;
import com.agenthub.shared.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the steps of team runs: each is a child execution of the team run, performed by {@link RunRecorder} like
 * every run (retries, fallback, live output, exact cost), inline in the team run's job and its concurrency slot.
 * A step that finished before its run was resumed on another instance is returned as it was, not run again.
 */
@Component
class TeamSteps {

    private final ExecutionRecords records;
    private final AgentRuntime agents;
    private final RunnableModels models;
    private final ModelCatalog catalog;
    private final RunRecorder recorder;
    private final LiveOutput live;
    private final TransactionTemplate transaction;
    private final ExecutorService threads;

    TeamSteps(ExecutionRecords records, AgentRuntime agents, RunnableModels models, ModelCatalog catalog,
              RunRecorder recorder, LiveOutput live, TransactionTemplate transaction, Environment environment) {
        this.records = records;
        this.agents = agents;
        this.models = models;
        this.catalog = catalog;
        this.recorder = recorder;
        this.live = live;
        this.transaction = transaction;
        this.threads = VirtualThreads.executor(environment, "team-step-")
                .orElseGet(() -> Executors.newCachedThreadPool(DaemonThreads.named("team-step")));
    }

    List<StepResult> runAll(TeamRun run, List<StepSpec> specs) {
        if (specs.size() == 1) {
            return List.of(run(run, specs.get(0)));
        }
        List<Future<StepResult>> futures = new ArrayList<>();
        for (StepSpec spec : specs) {
            futures.add(threads.submit(() -> TenantContext.callAs(run.orgId, () -> run(run, spec))));
        }
        List<StepResult> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<StepResult> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the team's members worked", e);
            }
        }
        if (failure != null) {
            throw failure; // the database failed under a step: the job is tried again, finished steps are kept
        }
        return results;
    }

    StepResult run(TeamRun run, StepSpec spec) {
        ExecutionView existing = transaction.execute(s -> records.findStep(run.executionId, spec.key()).orElse(null));
        if (existing != null && existing.status().finished()) {
            run.settled(existing.id(), existing.cost());
            return StepResult.of(existing, spec, true);
        }
        if (run.stopped()) {
            return StepResult.notStarted(spec, run.stopReason().message());
        }
        UUID id = existing != null ? existing.id() : UUID.randomUUID();
        String task = spec.prompt().length() > 20_000 ? spec.prompt().substring(0, 20_000) : spec.prompt();
        RunnableAgent agent = transaction.execute(s -> agents.load(run.orgId, spec.member().agentId()).orElse(null));
        String refusal = agent == null ? "the agent " + spec.member().name() + " was deleted."
                : agent.status() == AgentStatus.OFFLINE ? agent.name() + " is offline."
                : models.refusal(run.orgId, agent.settings().modelConfig().provider(), agent.settings().modelConfig().model())
                        .orElse(null);
        if (refusal != null) {
            return transaction.execute(s -> {
                if (existing == null) {
                    records.insertStep(id, run.orgId, spec.member().agentId(), run.executionId, spec.key(),
                            spec.member().role(), spec.round(), task, run.requestedBy, run.deadline);
                }
                records.finish(id, ExecutionStatus.FAILED, null, "Not started: " + refusal, null, null, BigDecimal.ZERO, 0L);
                records.event(run.orgId, id, "FAILED", "Not started: " + refusal);
                records.event(run.orgId, run.executionId, "STEP_FAILED", spec.member().describe() + " could not start: " + refusal);
                return StepResult.of(records.find(id).orElseThrow(), spec, false);
            });
        }
        var model = agent.settings().modelConfig();
        ModelTarget target = new ModelTarget(Provider.fromId(model.provider()).orElseThrow(), model.model(),
                model.temperature().doubleValue(), model.maxTokens(), model.topP().doubleValue(), null);
        List<ChatMessage> messages = List.of(
                new ChatMessage(ChatMessage.Kind.SYSTEM, agent.systemPrompt() + "\n\n" + run.prompt("member-system", Map.of(
                        "role", spec.member().role(), "team", run.team.name(),
                        "pattern_explanation", run.team.pattern().explanation()))),
                new ChatMessage(ChatMessage.Kind.USER, spec.prompt()));
        int attempt = transaction.execute(s -> {
            if (existing == null) {
                records.insertStep(id, run.orgId, agent.id(), run.executionId, spec.key(), spec.member().role(),
                        spec.round(), task, run.requestedBy, run.deadline);
            }
            records.markRunning(id, model.provider(), model.model());
            agents.markBusy(agent.id());
            records.event(run.orgId, id, "STARTED", existing == null ? "Step of a team run: " + spec.label() + "."
                    : "Started again: the team run was resumed after its instance stopped.");
            recorder.recordProviderCalled(run.orgId, id, target);
            records.event(run.orgId, run.executionId, "STEP_STARTED", spec.member().describe() + ": " + spec.label() + ".");
            return existing == null ? 1 : existing.attempts() + 1;
        });
        // Only a capped team estimates what its members spend while they stream.
        ModelView price = run.team.costCap() == null ? null : catalog.find(model.provider(), model.model()).orElse(null);
        live.started(id, attempt);
        ExecutionStatus ended = ExecutionStatus.FAILED;
        try {
            if (!run.began(id, inputCost(price, messages))) {
                transaction.executeWithoutResult(s -> records.cancel(id, "the team run stopping"));
            }
            ended = recorder.perform(new RunRecorder.Run(run.orgId, id, agent, run.requestedBy, task, target, messages, 1,
                    run.deadline), chunk -> {
                        live.publish(id, chunk);
                        if (price != null) {
                            run.streamed(id, RunRecorder.cost(price, 0, TokenEstimate.of(chunk)));
                        }
                    }).status();
        } finally {
            live.finished(id, ended);
        }
        ExecutionView done = transaction.execute(s -> {
            ExecutionView step = records.find(id).orElseThrow();
            records.event(run.orgId, run.executionId, step.status() == ExecutionStatus.SUCCEEDED ? "STEP_FINISHED" : "STEP_FAILED",
                    spec.member().describe() + ": " + step.status().label().toLowerCase(java.util.Locale.ROOT)
                            + (step.error() == null ? "" : " (" + step.error() + ")") + ", $"
                            + (step.cost() == null ? "0" : step.cost().toPlainString()) + ".");
            return step;
        });
        run.settled(id, done.cost());
        return StepResult.of(done, spec, false);
    }

    /**
     * Work a stop triggers, off the thread that noticed it: that may be a provider's stream or a request thread
     * whose transaction has just committed, where no new transaction can begin.
     */
    void async(Runnable work) {
        threads.execute(work);
    }

    void event(TeamRun run, String kind, String message) {
        transaction.executeWithoutResult(s -> records.event(run.orgId, run.executionId, kind, message));
    }

    private static BigDecimal inputCost(ModelView price, List<ChatMessage> messages) {
        return price == null ? BigDecimal.ZERO
                : RunRecorder.cost(price, messages.stream().mapToInt(m -> TokenEstimate.of(m.content())).sum(), 0);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
