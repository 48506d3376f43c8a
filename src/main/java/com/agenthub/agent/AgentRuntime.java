package com.agenthub.agent;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent side of running: background jobs load an agent and record a finished run. Callers are
 * system code that has bound the run's organization; no actor is involved.
 */
@Service
public class AgentRuntime {

    private final AgentRepository agents;
    private final JdbcClient jdbc;

    AgentRuntime(AgentRepository agents, JdbcClient jdbc) {
        this.agents = agents;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<RunnableAgent> load(UUID orgId, UUID agentId) {
        return agents.findByIdAndOrgIdAndDeletedAtIsNull(agentId, orgId).map(agent -> {
            AgentView view = agent.toView();
            return new RunnableAgent(view.id(), view.name(), view.status(), view.settings(), view.systemPrompt());
        });
    }

    @Transactional(readOnly = true)
    public Optional<RunnableAgent> findByName(UUID orgId, String name) {
        return agents.findByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(orgId, name).map(agent -> {
            AgentView view = agent.toView();
            return new RunnableAgent(view.id(), view.name(), view.status(), view.settings(), view.systemPrompt());
        });
    }

    @Transactional(readOnly = true)
    public java.util.List<String> names(UUID orgId, int limit) {
        return jdbc.sql("SELECT name FROM agents WHERE org_id = ? AND deleted_at IS NULL ORDER BY lower(name) LIMIT ?")
                .params(orgId, limit).query(String.class).list();
    }

    /** An idle agent shows as busy while one of its runs executes. */
    @Transactional
    public void markBusy(UUID agentId) {
        jdbc.sql("UPDATE agents SET status = 'BUSY' WHERE id = ? AND status = 'IDLE'").param(agentId).update();
    }

    /** Back to idle once none of its runs is still executing; offline and error states are left alone. */
    @Transactional
    public void markIdleWhenNothingRuns(UUID agentId) {
        jdbc.sql("UPDATE agents SET status = 'IDLE' WHERE id = ? AND status = 'BUSY' AND NOT EXISTS "
                        + "(SELECT 1 FROM executions WHERE agent_id = ? AND status = 'RUNNING')")
                .params(agentId, agentId).update();
    }

    /** One atomic update, so concurrent runs never lose a count. */
    @Transactional
    public void recordRun(UUID agentId, boolean succeeded, long tokens, BigDecimal cost, long durationMs) {
        jdbc.sql("""
                        UPDATE agents SET runs = runs + 1, successes = successes + ?, total_tokens = total_tokens + ?,
                               total_cost = total_cost + ?, total_duration_ms = total_duration_ms + ?, last_run_at = now()
                         WHERE id = ?""")
                .params(succeeded ? 1 : 0, tokens, cost, durationMs, agentId)
                .update();
    }
}
