package com.agenthub.agent;

import com.agenthub.audit.AuditTrail;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Limit;
import com.agenthub.organization.Plans;
import com.agenthub.shared.PageSlice;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents of the actor's organization. Every method checks role (and plan limits) first. */
@Service
public class AgentService {

    private final AccessPolicy access;
    private final AgentRepository agents;
    private final AgentValidator validator;
    private final AgentDirectory directory;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;
    private final ProviderKeys providerKeys;
    private final Plans plans;
    private final List<AgentDeletionGuard> deletionGuards;

    AgentService(AccessPolicy access, AgentRepository agents, AgentValidator validator, AgentDirectory directory,
                 AuditTrail audit, JdbcClient jdbc, ProviderKeys providerKeys, Plans plans,
                 List<AgentDeletionGuard> deletionGuards) {
        this.deletionGuards = deletionGuards;
        this.plans = plans;
        this.providerKeys = providerKeys;
        this.access = access;
        this.agents = agents;
        this.validator = validator;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public AgentView create(Actor actor, AgentSettings settings) {
        access.require(actor, Action.CREATE_AGENT);
        validator.check(settings, plans.effectivePlan(actor.orgId(), actor.tier()), providerKeys.usableOwnKeys(actor.orgId(), actor.tier()));
        lockAgentsOf(actor);
        access.requireWithinLimit(actor, Limit.MAX_AGENTS, agents.countByOrgIdAndDeletedAtIsNull(actor.orgId()));
        requireUniqueName(actor, settings.name(), null);
        Agent agent = agents.save(new Agent(actor.orgId(), actor.userId(), settings));
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "AGENT_CREATED", agent.settings().name(), null);
        return agent.toView();
    }

    @Transactional(readOnly = true)
    public AgentView get(Actor actor, UUID id) {
        access.require(actor, Action.VIEW_AGENTS);
        return find(actor, id).toView();
    }

    @Transactional(readOnly = true)
    public PageSlice<AgentView> list(Actor actor, AgentQuery query) {
        access.require(actor, Action.VIEW_AGENTS);
        return directory.list(actor.orgId(), query);
    }

    /** The first agents by name, for filters. */
    @Transactional(readOnly = true)
    public List<AgentOption> options(Actor actor, int limit) {
        access.require(actor, Action.VIEW_AGENTS);
        return directory.options(actor.orgId(), limit);
    }

    /** Whether a run of the organization waits to start: an agent that looks idle may turn busy soon. */
    @Transactional(readOnly = true)
    public boolean anyRunWaiting(Actor actor) {
        access.require(actor, Action.VIEW_AGENTS);
        return directory.anyRunWaiting(actor.orgId());
    }

    @Transactional(readOnly = true)
    public AgentTotals totals(Actor actor) {
        access.require(actor, Action.VIEW_AGENTS);
        return directory.totals(actor.orgId());
    }

    /** Replaces the settings; callers merge a partial change into {@link #get} first. */
    @Transactional
    public AgentView update(Actor actor, UUID id, AgentSettings settings) {
        access.require(actor, Action.UPDATE_AGENT);
        Agent agent = find(actor, id);
        validator.check(settings, plans.effectivePlan(actor.orgId(), actor.tier()), providerKeys.usableOwnKeys(actor.orgId(), actor.tier()));
        lockAgentsOf(actor);
        requireUniqueName(actor, settings.name(), id);
        agent.apply(settings);
        return agents.saveAndFlush(agent).toView();
    }

    @Transactional
    public AgentView duplicate(Actor actor, UUID id) {
        access.require(actor, Action.CREATE_AGENT);
        Agent original = find(actor, id);
        lockAgentsOf(actor);
        access.requireWithinLimit(actor, Limit.MAX_AGENTS, agents.countByOrgIdAndDeletedAtIsNull(actor.orgId()));
        AgentSettings settings = original.settings();
        String base = settings.name().length() > 88 ? settings.name().substring(0, 88) : settings.name();
        String name = base + " (copy)";
        for (int n = 2; agents.existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(actor.orgId(), name); n++) {
            name = base + " (copy " + n + ")";
        }
        Agent copy = agents.save(new Agent(actor.orgId(), actor.userId(), new AgentSettings(name, settings.description(),
                settings.modelConfig(), settings.personality(), settings.instructions(), settings.tools(),
                settings.memory(), settings.cacheEnabled(), settings.timeoutSeconds())));
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "AGENT_DUPLICATED", name, "from " + settings.name());
        return copy.toView();
    }

    @Transactional
    public AgentView setOnline(Actor actor, UUID id, boolean online) {
        access.require(actor, Action.UPDATE_AGENT);
        Agent agent = find(actor, id);
        // Status has one writer, SQL: an agent brought online while one of its runs is executing is busy.
        int changed = online
                ? jdbc.sql("""
                        UPDATE agents SET status = CASE WHEN EXISTS (SELECT 1 FROM executions WHERE agent_id = :id
                                AND status = 'RUNNING') THEN 'BUSY' ELSE 'IDLE' END, updated_at = now()
                         WHERE id = :id AND status IN ('OFFLINE', 'ERROR')""").param("id", id).update()
                : jdbc.sql("UPDATE agents SET status = 'OFFLINE', updated_at = now() WHERE id = :id AND status <> 'OFFLINE'")
                        .param("id", id).update();
        if (changed == 1) {
            audit.record(actor.orgId(), actor.userId(), actor.user().email(), online ? "AGENT_ONLINE" : "AGENT_OFFLINE",
                    agent.settings().name(), null);
        }
        entityManager.refresh(agent);
        return agent.toView();
    }

    /** Soft delete: the agent disappears everywhere and its name is free again; its history stays. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        access.require(actor, Action.DELETE_AGENT);
        Agent agent = find(actor, id);
        for (AgentDeletionGuard guard : deletionGuards) {
            guard.refusal(actor.orgId(), id, agent.settings().name()).ifPresent(reason -> {
                throw new com.agenthub.shared.web.ConflictException(reason);
            });
        }
        agent.delete();
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "AGENT_DELETED", agent.settings().name(), null);
    }

    private Agent find(Actor actor, UUID id) {
        return agents.findByIdAndOrgIdAndDeletedAtIsNull(id, actor.orgId())
                .orElseThrow(() -> new NotFoundException("No such agent in this organization."));
    }

    private void requireUniqueName(Actor actor, String name, UUID exceptId) {
        String trimmed = name.strip();
        boolean taken = exceptId == null
                ? agents.existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(actor.orgId(), trimmed)
                : agents.existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNullAndIdNot(actor.orgId(), trimmed, exceptId);
        if (taken) {
            throw new ValidationFailedException(List.of(new FieldProblem("name",
                    "An agent named '" + trimmed + "' already exists in this organization.")));
        }
    }

    /** Serializes agent creation per organization so the plan's limit and name uniqueness hold under races. */
    private void lockAgentsOf(Actor actor) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("agents:" + actor.orgId()).query().singleRow();
    }
}
