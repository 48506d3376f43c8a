package com.agenthub.execution;

import com.agenthub.agent.AgentRuntime;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.RunnableAgent;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.ModelTarget;
import com.agenthub.llm.Provider;
import com.agenthub.shared.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job, given once its organization has a free slot (see {@link RunDispatcher}): takes its
 * organization from the job data, starts the run when it is still due, builds the prompt, and hands the
 * model call and its recording to {@link RunRecorder} while relaying the output live.
 */
@Component
class ExecutionRunner {

    private static final Logger log = LoggerFactory.getLogger(ExecutionRunner.class);

    private final ExecutionRecords records;
    private final AgentRuntime agents;
    private final AgentMemory memory;
    private final ApplicationEventPublisher events;
    private final LiveOutput live;
    private final RunRecorder recorder;
    private final TransactionTemplate transaction;
    private final RunProperties properties;
    private final com.agenthub.llm.RunnableModels models;
    private final TeamRunner teams;
    private final com.agenthub.team.TeamRuntime teamRuntime;

    ExecutionRunner(ExecutionRecords records, AgentRuntime agents, AgentMemory memory, ApplicationEventPublisher events,
                    LiveOutput live, RunRecorder recorder, TransactionTemplate transaction, RunProperties properties,
                    com.agenthub.llm.RunnableModels models, TeamRunner teams, com.agenthub.team.TeamRuntime teamRuntime) {
        this.teams = teams;
        this.teamRuntime = teamRuntime;
        this.models = models;
        this.properties = properties;
        this.records = records;
        this.agents = agents;
        this.memory = memory;
        this.events = events;
        this.live = live;
        this.recorder = recorder;
        this.transaction = transaction;
    }

    private record Start(ExecutionView execution, RunnableAgent agent, ModelTarget target, List<ChatMessage> messages,
                         TeamRunner.TeamStart team) {
    }

    void run(ExecutionJob job) {
        try {
            TenantContext.runAs(job.orgId(), () -> {
                Start start = transaction.execute(status -> start(job));
                if (start != null && start.team() != null) {
                    teams.complete(job.orgId(), start.team());
                } else if (start != null) {
                    complete(job, start);
                }
            });
        } finally {
            events.publishEvent(new RunSlotFreed(job.orgId())); // the dispatcher gives it to the next queued run
        }
    }

    private Start start(ExecutionJob job) {
        ExecutionView execution = records.lockForStart(job.executionId()).orElse(null);
        if (execution == null || execution.status().finished()) {
            return null; // already done, or cancelled: nothing to do twice
        }
        if (execution.deadlineAt() != null
                && java.time.Instant.now().plus(properties.minimumTimeToStart()).isAfter(execution.deadlineAt())) {
            long left = Math.max(0, java.time.Duration.between(java.time.Instant.now(), execution.deadlineAt()).toSeconds());
            String why = execution.startedAt() != null
                    ? "The run was interrupted (its instance stopped, or the database was unreachable) and its deadline "
                      + "passed before it could start again."
                    : left == 0 ? "The run waited past its deadline and was not started."
                    : "The run was not started: only " + left + " s were left before its deadline, too little for an answer.";
            int written = execution.teamRun() // a resumed team run keeps the sums of the steps it had finished
                    ? records.finishTeamRun(execution.id(), ExecutionStatus.TIMED_OUT, null, why, 0, null)
                    : records.finish(execution.id(), ExecutionStatus.TIMED_OUT, null, why, null, null, null, null);
            if (written == 1) {
                records.event(job.orgId(), execution.id(), "TIMED_OUT", left == 0 ? "Deadline passed while queued."
                        : "Too little time left to start (" + left + " s).");
                if (execution.teamRun()) {
                    teamRuntime.recordRun(execution.teamId(), false, java.math.BigDecimal.ZERO);
                } else {
                    agents.recordRun(execution.agentId(), false, 0, java.math.BigDecimal.ZERO, 0);
                }
            }
            return null;
        }
        if (execution.teamRun()) {
            TeamRunner.TeamStart team = teams.start(job.orgId(), execution);
            return team == null ? null : new Start(execution, null, null, null, team);
        }
        RunnableAgent agent = agents.load(job.orgId(), execution.agentId()).orElse(null);
        if (agent == null || agent.status() == AgentStatus.OFFLINE) {
            records.finish(execution.id(), ExecutionStatus.FAILED, null,
                    agent == null ? "The agent was deleted before the run started." : "The agent is offline.",
                    null, null, null, null);
            records.event(job.orgId(), execution.id(), "FAILED", "Not started: the agent is unavailable.");
            return null;
        }
        var model = agent.settings().modelConfig();
        String refusal = models.refusal(job.orgId(), model.provider(), model.model()).orElse(null);
        if (refusal != null) { // the plan or the catalog changed while the run waited
            if (records.finish(execution.id(), ExecutionStatus.FAILED, null, "Not started: " + refusal, null, null, null,
                    null) == 1) {
                records.event(job.orgId(), execution.id(), "FAILED", "Not started: " + refusal);
                agents.recordRun(agent.id(), false, 0, java.math.BigDecimal.ZERO, 0);
            }
            return null;
        }
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
        recorder.recordProviderCalled(job.orgId(), execution.id(), target);
        live.started(execution.id(), execution.attempts() + 1);
        return new Start(execution, agent, target, messages, null);
    }

    private void complete(ExecutionJob job, Start start) {
        UUID id = start.execution().id();
        var outcome = recorder.perform(new RunRecorder.Run(job.orgId(), id, start.agent(), start.execution().requestedBy(),
                start.execution().task(), start.target(), start.messages(), 0, start.execution().deadlineAt()),
                chunk -> live.publish(id, chunk));
        if (outcome.status() == ExecutionStatus.FAILED) {
            log.info("Execution {} failed: {}", id, outcome.error());
        }
        live.finished(id, outcome.status());
    }

    /** The task as the model reads it: the text, and the context JSON when there is one. */
    static String userMessage(ExecutionView execution) {
        if (execution.context() == null || execution.context().isBlank()) {
            return execution.task();
        }
        return execution.task() + "\n\nContext (JSON):\n" + execution.context();
    }
}
