package com.agenthub.execution;

import com.agenthub.agent.AgentRuntime;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.RunnableAgent;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.Completion;
import com.agenthub.llm.LlmClient;
import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelTarget;
import com.agenthub.llm.ModelView;
import com.agenthub.llm.Provider;
import com.agenthub.llm.ProviderException;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.Limit;
import com.agenthub.organization.Plans;
import com.agenthub.shared.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job: takes its organization from the job data, starts the run when a slot is free,
 * streams the provider's answer (outside any transaction) and records the result, tokens, cost, the
 * agent's metrics and memory exactly once.
 */
@Component
class ExecutionRunner {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final ExecutionRecords records;
    private final AgentRuntime agents;
    private final AgentMemory memory;
    private final LlmClient llm;
    private final ModelCatalog catalog;
    private final Plans plans;
    private final LiveOutput live;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ProviderKeys providerKeys;

    ExecutionRunner(ExecutionRecords records, AgentRuntime agents, AgentMemory memory, LlmClient llm,
                    ModelCatalog catalog, Plans plans, LiveOutput live, TransactionTemplate transaction, JdbcClient jdbc,
                    ProviderKeys providerKeys) {
        this.providerKeys = providerKeys;
        this.records = records;
        this.agents = agents;
        this.memory = memory;
        this.llm = llm;
        this.catalog = catalog;
        this.plans = plans;
        this.live = live;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    private record Start(ExecutionView execution, RunnableAgent agent, ModelTarget target, List<ChatMessage> messages) {
    }

    void run(ExecutionJob job) {
        TenantContext.runAs(job.orgId(), () -> {
            Start start = transaction.execute(status -> start(job));
            if (start != null) {
                complete(job, start);
            }
        });
    }

    private Start start(ExecutionJob job) {
        ExecutionView execution = records.lockForStart(job.executionId()).orElse(null);
        if (execution == null || execution.status().finished()) {
            return null; // already done, or cancelled: nothing to do twice
        }
        RunnableAgent agent = agents.load(job.orgId(), execution.agentId()).orElse(null);
        if (agent == null || agent.status() == AgentStatus.OFFLINE) {
            records.finish(execution.id(), ExecutionStatus.FAILED, null,
                    agent == null ? "The agent was deleted before the run started." : "The agent is offline.",
                    null, null, null, null);
            records.event(job.orgId(), execution.id(), "FAILED", "Not started: the agent is unavailable.");
            return null;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("slots:" + job.orgId()).query().singleRow();
        Integer slots = plans.currentPlanOf(job.orgId()).limit(Limit.MAX_CONCURRENT_EXECUTIONS);
        if (slots != null && records.countRunning(job.orgId()) >= slots) {
            throw new NoFreeSlotException("all " + slots + " slots of the organization are busy");
        }
        var model = agent.settings().modelConfig();
        records.markRunning(execution.id(), model.provider(), model.model());
        agents.markBusy(agent.id());
        records.event(job.orgId(), execution.id(), "STARTED", execution.attempts() == 0
                ? "Run started." : "Run started again (attempt " + (execution.attempts() + 1) + ").");
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(new ChatMessage(ChatMessage.Kind.SYSTEM, agent.systemPrompt()));
        messages.addAll(memory.recall(job.orgId(), agent.id(), execution.requestedBy(), agent.settings().memory()));
        messages.add(new ChatMessage(ChatMessage.Kind.USER, userMessage(execution)));
        int maxTokens = execution.maxTokens() != null ? Math.min(execution.maxTokens(), model.maxTokens()) : model.maxTokens();
        ModelTarget target = new ModelTarget(Provider.fromId(model.provider()).orElseThrow(), model.model(),
                model.temperature().doubleValue(), maxTokens, model.topP().doubleValue(), null);
        records.event(job.orgId(), execution.id(), "PROMPT_BUILT", messages.size() + " messages, "
                + (messages.size() - 2) + " from memory.");
        live.started(execution.id());
        return new Start(execution, agent, target, messages);
    }

    private void complete(ExecutionJob job, Start start) {
        UUID id = start.execution().id();
        long began = System.nanoTime();
        RunTools tools = new RunTools(start.agent().settings().tools());
        transaction.executeWithoutResult(s -> records.event(job.orgId(), id, "PROVIDER_CALLED",
                "Calling " + start.target().provider().label() + " " + start.target().model() + "."));
        ExecutionStatus outcome;
        try {
            ModelTarget target = withOwnKey(job.orgId(), start.target());
            Completion completion = llm.stream(target, start.messages(), tools.callbacks(), chunk -> live.publish(id, chunk));
            long durationMs = (System.nanoTime() - began) / 1_000_000;
            BigDecimal cost = cost(start.target(), completion);
            outcome = ExecutionStatus.SUCCEEDED;
            transaction.executeWithoutResult(s -> {
                if (records.finish(id, ExecutionStatus.SUCCEEDED, completion.text(), null, completion.inputTokens(),
                        completion.outputTokens(), cost, durationMs) == 1) {
                    agents.recordRun(start.agent().id(), true, completion.inputTokens() + completion.outputTokens(), cost,
                            durationMs);
                    agents.markIdleWhenNothingRuns(start.agent().id());
                    tools.calls().forEach(call -> records.event(job.orgId(), id, "TOOL_CALLED",
                            call.tool() + "(" + call.input() + ") → " + call.result()));
                    memory.remember(job.orgId(), start.agent().id(), start.execution().requestedBy(),
                            start.agent().settings().memory(), start.execution().task(), completion.text());
                    records.event(job.orgId(), id, "FINISHED", completion.inputTokens() + " input and "
                            + completion.outputTokens() + " output tokens" + (completion.usageEstimated() ? " (estimated)" : "")
                            + ", $" + cost.toPlainString() + ", " + durationMs + " ms.");
                }
            });
        } catch (ProviderException e) {
            long durationMs = (System.nanoTime() - began) / 1_000_000;
            outcome = ExecutionStatus.FAILED;
            transaction.executeWithoutResult(s -> {
                if (records.finish(id, ExecutionStatus.FAILED, null, e.getMessage(), null, null, BigDecimal.ZERO,
                        durationMs) == 1) {
                    agents.recordRun(start.agent().id(), false, 0, BigDecimal.ZERO, durationMs);
                    agents.markIdleWhenNothingRuns(start.agent().id());
                    tools.calls().forEach(call -> records.event(job.orgId(), id, "TOOL_CALLED",
                            call.tool() + "(" + call.input() + ") → " + call.result()));
                    records.event(job.orgId(), id, "FAILED", e.getMessage());
                }
            });
            log.info("Execution {} failed: {}", id, e.getMessage());
        }
        live.finished(id, outcome);
    }

    /** An organization's own key for the provider, when it has one its plan lets it use. */
    private ModelTarget withOwnKey(UUID orgId, ModelTarget target) {
        return providerKeys.keyForRun(orgId, target.provider())
                .map(key -> new ModelTarget(target.provider(), target.model(), target.temperature(), target.maxTokens(),
                        target.topP(), key))
                .orElse(target);
    }

    private BigDecimal cost(ModelTarget target, Completion completion) {
        ModelView model = catalog.find(target.provider().id(), target.model()).orElse(null);
        if (model == null) {
            return BigDecimal.ZERO;
        }
        return model.inputPricePerMtok().multiply(BigDecimal.valueOf(completion.inputTokens()))
                .add(model.outputPricePerMtok().multiply(BigDecimal.valueOf(completion.outputTokens())))
                .divide(MILLION, 8, RoundingMode.HALF_UP);
    }

    private static String userMessage(ExecutionView execution) {
        if (execution.context() == null || execution.context().isBlank()) {
            return execution.task();
        }
        return execution.task() + "\n\nContext (JSON):\n" + execution.context();
    }
}
