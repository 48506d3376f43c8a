package com.agenthub.execution;

import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.AgentView;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Limit;
import com.agenthub.organization.Plans;
import com.agenthub.shared.PageSlice;
import com.agenthub.team.TeamMemberView;
import com.agenthub.team.TeamService;
import com.agenthub.team.TeamView;
import com.agenthub.shared.web.ConflictException;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submitting and reading executions. A run is queued here; {@link RunDispatcher} starts it when a slot is free. */
@Service
public class ExecutionService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy access;
    private final AgentService agents;
    private final ExecutionRecords records;
    private final ExecutionQueries queries;
    private final AgentMemory memory;
    private final Plans plans;
    private final RunDispatcher dispatcher;
    private final RunControl control;
    private final com.agenthub.llm.RunnableModels models;
    private final TeamService teams;
    private final TeamBallots ballots;

    ExecutionService(AccessPolicy access, AgentService agents, ExecutionRecords records, ExecutionQueries queries,
                     AgentMemory memory, Plans plans, RunDispatcher dispatcher, RunControl control,
                     com.agenthub.llm.RunnableModels models, TeamService teams, TeamBallots ballots) {
        this.teams = teams;
        this.ballots = ballots;
        this.models = models;
        this.control = control;
        this.access = access;
        this.agents = agents;
        this.records = records;
        this.queries = queries;
        this.memory = memory;
        this.plans = plans;
        this.dispatcher = dispatcher;
    }

    @Transactional
    public ExecutionView submit(Actor actor, UUID agentId, SubmitRun run) {
        access.require(actor, Action.RUN_AGENT);
        AgentView agent = agents.get(actor, agentId);
        String context = validate(run);
        if (agent.status() == AgentStatus.OFFLINE) {
            throw new ConflictException(agent.name() + " is offline. Bring it online to run it.");
        }
        var model = agent.settings().modelConfig();
        models.refusal(actor.orgId(), actor.tier(), model.provider(), model.model()).ifPresent(reason -> {
            throw new ConflictException(agent.name() + " cannot run: " + reason);
        });
        var plan = plans.effectivePlan(actor.orgId(), actor.tier());
        UUID id = UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(Math.min(agent.settings().effectiveTimeoutSeconds(), plan.maxRunSeconds()));
        records.insert(id, actor.orgId(), agentId, null, run.task().strip(), context, priority(plan), run.maxTokens(),
                actor.userId(), deadline);
        return queue(actor, plan, id);
    }

    /**
     * Submits a run of a team: one execution, counted like an agent's run toward the month's executions and the
     * concurrency slots; its members' calls are its steps. Every member must be able to run now.
     */
    @Transactional
    public ExecutionView submitTeam(Actor actor, UUID teamId, SubmitRun run) {
        access.require(actor, Action.RUN_TEAM);
        TeamView team = teams.get(actor, teamId);
        String context = validate(run);
        for (TeamMemberView member : team.members()) {
            if ("OFFLINE".equals(member.agentStatus())) {
                throw new ConflictException(member.agentName() + " (" + member.role() + ") is offline. Bring it online "
                        + "or take it out of the team to run " + team.name() + ".");
            }
            models.refusal(actor.orgId(), actor.tier(), member.provider(), member.model()).ifPresent(reason -> {
                throw new ConflictException(team.name() + " cannot run: " + member.agentName() + " (" + member.role()
                        + ") " + reason);
            });
        }
        var plan = plans.effectivePlan(actor.orgId(), actor.tier());
        UUID id = UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(Math.min(team.timeoutSeconds(), plan.maxRunSeconds()));
        records.insertTeamRun(id, actor.orgId(), teamId, team.pattern().name(), run.task().strip(), context,
                priority(plan), actor.userId(), deadline);
        return queue(actor, plan, id);
    }

    private static int priority(com.agenthub.organization.PlanView plan) {
        return switch (plan.queuePriority()) {
            case "HIGH" -> 90;
            case "LOW" -> 10;
            default -> 50;
        };
    }

    private ExecutionView queue(Actor actor, com.agenthub.organization.PlanView plan, UUID id) {
        records.event(actor.orgId(), id, "QUEUED", "Queued by " + actor.user().email() + ".");
        ExecutionView queued = records.find(id).orElseThrow();
        // Last, as the organization's monthly counter is one row that every submission locks until its commit.
        // A refusal rolls the count back with the run and its event.
        access.requireWithinLimit(actor, plan, Limit.MAX_EXECUTIONS_PER_MONTH, records.countSubmission(actor.orgId()));
        // The run waits in the table until its organization has a free slot; the dispatcher looks once
        // this transaction has committed and the row is visible to it.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.signal();
            }
        });
        return queued;
    }

    /**
     * Cancels a queued or running execution. A queued one never starts; a running one has its provider
     * stream closed (here at once, on another instance within a second) and keeps its partial output.
     */
    @Transactional
    public ExecutionView cancel(Actor actor, UUID id) {
        access.require(actor, Action.RUN_AGENT);
        ExecutionView execution = get(actor, id);
        if (execution.status().finished() || records.cancel(id, actor.user().email()) == 0) {
            throw new ConflictException("This execution has already ended ("
                    + records.find(id).map(e -> e.status().label().toLowerCase(java.util.Locale.ROOT)).orElse("ended") + ").");
        }
        records.event(actor.orgId(), id, "CANCEL_REQUESTED", "Cancelled by " + actor.user().email() + ".");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                control.stop(id, ExecutionStatus.CANCELLED);
            }
        });
        return records.find(id).orElseThrow();
    }

    /** A queued run's place in its organization's queue: 1 when it is next. */
    @Transactional(readOnly = true)
    public long queuePosition(Actor actor, UUID id) {
        ExecutionView run = get(actor, id);
        return 1 + queries.queuedBefore(actor.orgId(), run);
    }

    @Transactional(readOnly = true)
    public ExecutionView get(Actor actor, UUID id) {
        access.require(actor, Action.VIEW_EXECUTIONS);
        return records.find(id).orElseThrow(() -> new NotFoundException("No such execution in this organization."));
    }

    @Transactional(readOnly = true)
    public List<ExecutionEventView> events(Actor actor, UUID id) {
        get(actor, id);
        return records.events(id);
    }

    /** The steps of a team run, in the order they started; empty for an agent's run. */
    @Transactional(readOnly = true)
    public List<ExecutionView> steps(Actor actor, UUID id) {
        get(actor, id);
        return records.steps(id);
    }

    /** The ballot of a democratic team run, in the order the votes were cast. */
    @Transactional(readOnly = true)
    public List<TeamVoteView> votes(Actor actor, UUID id) {
        get(actor, id);
        return ballots.of(id);
    }

    @Transactional(readOnly = true)
    public PageSlice<ExecutionView> forTeam(Actor actor, UUID teamId, int limit, int offset) {
        access.require(actor, Action.VIEW_EXECUTIONS);
        teams.get(actor, teamId);
        return queries.forTeam(actor.orgId(), teamId, limit, offset);
    }

    @Transactional(readOnly = true)
    public PageSlice<ExecutionView> forAgent(Actor actor, UUID agentId, ExecutionStatus status, int limit, int offset) {
        access.require(actor, Action.VIEW_EXECUTIONS);
        agents.get(actor, agentId);
        return queries.forAgent(actor.orgId(), agentId, status, limit, offset);
    }

    @Transactional(readOnly = true)
    public ExecutionPage list(Actor actor, ExecutionFilter filter, ExecutionCursor after, int limit) {
        access.require(actor, Action.VIEW_EXECUTIONS);
        return queries.list(actor.orgId(), filter, after, limit, false);
    }

    /** The page of runs just newer than {@code before} (a page's {@code previous} cursor), newest first. */
    @Transactional(readOnly = true)
    public ExecutionPage listNewer(Actor actor, ExecutionFilter filter, ExecutionCursor before, int limit) {
        access.require(actor, Action.VIEW_EXECUTIONS);
        return queries.list(actor.orgId(), filter, before, limit, true);
    }

    @Transactional
    public int clearMemory(Actor actor, UUID agentId) {
        access.require(actor, Action.CLEAR_AGENT_MEMORY);
        agents.get(actor, agentId);
        return memory.clear(actor.orgId(), agentId);
    }

    private static String validate(SubmitRun run) {
        List<FieldProblem> problems = new ArrayList<>();
        if (run.task() == null || run.task().isBlank()) {
            problems.add(new FieldProblem("task", "Describe the task."));
        } else if (run.task().length() > 20_000) {
            problems.add(new FieldProblem("task", "Tasks are up to 20,000 characters."));
        }
        if (run.maxTokens() != null && (run.maxTokens() < 1 || run.maxTokens() > 200_000)) {
            problems.add(new FieldProblem("max_tokens", "Max tokens is from 1 to 200,000."));
        }
        String context = null;
        if (run.contextJson() != null && !run.contextJson().isBlank()) {
            if (run.contextJson().length() > 100_000) {
                problems.add(new FieldProblem("context", "The context is up to 100 KB of JSON."));
            } else {
                try {
                    JsonNode node = JSON.readTree(run.contextJson());
                    if (!node.isObject()) {
                        problems.add(new FieldProblem("context", "The context must be a JSON object, like {\"customer\": \"Acme\"}."));
                    } else {
                        context = JSON.writeValueAsString(node);
                    }
                } catch (JacksonException e) {
                    problems.add(new FieldProblem("context", "The context is not valid JSON."));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return context;
    }
}
