package com.agenthub.execution;

import com.agenthub.agent.AgentRuntime;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.RunnableAgent;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.ModelTarget;
import com.agenthub.llm.Provider;
import com.agenthub.shared.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "ask another agent" tool: a child execution of another agent of the same organization, run inline
 * within the asking run (and its concurrency slot), at most {@link #MAX_DEPTH} levels deep.
 */
@Component
class ChildRuns {

    static final int MAX_DEPTH = 2;

    private final AgentRuntime agents;
    private final ExecutionRecords records;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    ChildRuns(AgentRuntime agents, ExecutionRecords records, TransactionTemplate transaction, JdbcClient jdbc) {
        this.agents = agents;
        this.records = records;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /**
     * Answers the question with the named agent, or says why not; the model reads either as the tool's result.
     * The parent's recorder performs the child run, as it performs every run.
     */
    String ask(RunRecorder recorder, RunRecorder.Run parent, String agentName, String question) {
        if (parent.depth() >= MAX_DEPTH) {
            return "Error: agents may ask each other at most " + MAX_DEPTH + " levels deep.";
        }
        if (question == null || question.isBlank()) {
            return "Error: give a question.";
        }
        // The model may call tools on another thread: bind the run's organization explicitly.
        return TenantContext.callAs(parent.orgId(), () -> {
            RunnableAgent agent = transaction.execute(s -> agents.findByName(parent.orgId(), agentName == null ? "" : agentName.strip())
                    .orElse(null));
            if (agent == null) {
                List<String> names = transaction.execute(s -> agents.names(parent.orgId(), 20));
                return "Error: there is no agent named '" + agentName + "'. Agents: " + String.join(", ", names) + ".";
            }
            if (agent.id().equals(parent.agent().id())) {
                return "Error: an agent cannot ask itself.";
            }
            if (agent.status() == AgentStatus.OFFLINE) {
                return "Error: " + agent.name() + " is offline.";
            }
            UUID childId = UUID.randomUUID();
            var model = agent.settings().modelConfig();
            ModelTarget target = new ModelTarget(Provider.fromId(model.provider()).orElseThrow(), model.model(),
                    model.temperature().doubleValue(), model.maxTokens(), model.topP().doubleValue(), null);
            transaction.executeWithoutResult(s -> {
                records.insert(childId, parent.orgId(), agent.id(), parent.executionId(), question.strip(), null, 50, null,
                        parent.requestedBy(), parent.deadline());
                records.markRunning(childId, model.provider(), model.model());
                records.event(parent.orgId(), childId, "STARTED", "Asked by " + parent.agent().name() + ".");
                recorder.recordProviderCalled(parent.orgId(), childId, target);
            });
            var outcome = recorder.perform(new RunRecorder.Run(parent.orgId(), childId, agent, parent.requestedBy(),
                    question.strip(), target, List.of(new ChatMessage(ChatMessage.Kind.SYSTEM, agent.systemPrompt()),
                            new ChatMessage(ChatMessage.Kind.USER, question.strip())), parent.depth() + 1, parent.deadline()), chunk -> { });
            return outcome.status() == ExecutionStatus.SUCCEEDED ? outcome.output()
                    : "Error: " + agent.name() + " could not answer: " + outcome.error();
        });
    }
}
