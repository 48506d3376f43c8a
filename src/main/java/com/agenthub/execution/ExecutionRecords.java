package com.agenthub.execution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The executions and execution_events tables, in SQL; callers hold the transaction and the tenant. */
@Component
class ExecutionRecords {

    static final String SELECT = """
            SELECT e.*, coalesce(a.name, t.name) AS agent_name, u.email AS requested_by_email
              FROM executions e LEFT JOIN agents a ON a.id = e.agent_id LEFT JOIN teams t ON t.id = e.team_id
              LEFT JOIN users u ON u.id = e.requested_by""";

    private final JdbcClient jdbc;

    ExecutionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID orgId, UUID agentId, UUID parentId, String task, String contextJson, int priority,
                Integer maxTokens, UUID requestedBy, Instant deadline) {
        jdbc.sql("""
                        INSERT INTO executions (id, org_id, agent_id, parent_id, task, context, status, priority, max_tokens,
                                                requested_by, deadline_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, 'QUEUED', ?, ?, ?, ?)""")
                .params(id, orgId, agentId, parentId, task, contextJson, priority, maxTokens, requestedBy,
                        deadline == null ? null : java.sql.Timestamp.from(deadline))
                .update();
    }

    /** A team run: no agent of its own; its steps are inserted as they start (see {@link #insertStep}). */
    void insertTeamRun(UUID id, UUID orgId, UUID teamId, String pattern, String task, String contextJson, int priority,
                       UUID requestedBy, Instant deadline) {
        jdbc.sql("""
                        INSERT INTO executions (id, org_id, team_id, team_pattern, task, context, status, priority,
                                                requested_by, deadline_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, 'QUEUED', ?, ?, ?)""")
                .params(id, orgId, teamId, pattern, task, contextJson, priority, requestedBy, java.sql.Timestamp.from(deadline))
                .update();
    }

    /** One member call of a team run, named by {@code stepKey}, unique within its run. */
    void insertStep(UUID id, UUID orgId, UUID agentId, UUID parentId, String stepKey, String role, int round, String task,
                    UUID requestedBy, Instant deadline) {
        jdbc.sql("""
                        INSERT INTO executions (id, org_id, agent_id, parent_id, step_key, step_role, step_round, task,
                                                status, priority, requested_by, deadline_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 50, ?, ?)""")
                .params(id, orgId, agentId, parentId, stepKey, role, round, task, requestedBy,
                        deadline == null ? null : java.sql.Timestamp.from(deadline))
                .update();
    }

    Optional<ExecutionView> findStep(UUID parentId, String stepKey) {
        return jdbc.sql(SELECT + " WHERE e.parent_id = ? AND e.step_key = ?").params(parentId, stepKey)
                .query((rs, n) -> view(rs)).optional();
    }

    /** The steps of a team run in the order they started. */
    List<ExecutionView> steps(UUID parentId) {
        return jdbc.sql(SELECT + " WHERE e.parent_id = ? AND e.step_key IS NOT NULL ORDER BY e.created_at, e.id")
                .param(parentId).query((rs, n) -> view(rs)).list();
    }

    /** Steps of a team run executing now, read in a transaction of their own. */
    List<UUID> runningSteps(UUID parentId, org.springframework.transaction.support.TransactionTemplate transaction) {
        return transaction.execute(s -> jdbc.sql("SELECT id FROM executions WHERE parent_id = ? AND step_key IS NOT NULL "
                + "AND status = 'RUNNING'").param(parentId).query(UUID.class).list());
    }

    long countSteps(UUID parentId) {
        return jdbc.sql("SELECT count(*) FROM executions WHERE parent_id = ? AND step_key IS NOT NULL").param(parentId)
                .query(Long.class).single();
    }

    void markTeamRunning(UUID id) {
        jdbc.sql("UPDATE executions SET status = 'RUNNING', attempts = attempts + 1, started_at = coalesce(started_at, now()) "
                + "WHERE id = ?").param(id).update();
    }

    /**
     * Finishes a team run once, its tokens and cost the exact sums of its steps'. A cancelled run (already marked)
     * gets its sums and output the same way; returns 0 when there was nothing to write.
     */
    int finishTeamRun(UUID id, ExecutionStatus status, String output, String error, long durationMs, UUID winnerStepId) {
        return jdbc.sql("""
                        UPDATE executions p SET status = CASE WHEN p.status = 'CANCELLED' THEN 'CANCELLED' ELSE ? END,
                               output = ?, error = CASE WHEN p.status = 'CANCELLED' THEN p.error ELSE ? END,
                               input_tokens = s.input_tokens, output_tokens = s.output_tokens, cost = s.cost,
                               duration_ms = ?, winner_step_id = ?, finished_at = coalesce(p.finished_at, now())
                          FROM (SELECT coalesce(sum(input_tokens), 0) AS input_tokens,
                                       coalesce(sum(output_tokens), 0) AS output_tokens, coalesce(sum(cost), 0) AS cost
                                  FROM executions WHERE parent_id = ? AND step_key IS NOT NULL) s
                         WHERE p.id = ? AND (p.status IN ('QUEUED', 'RUNNING') OR (p.status = 'CANCELLED' AND p.duration_ms IS NULL))""")
                .params(status.name(), output, error, durationMs, winnerStepId, id, id)
                .update();
    }

    Optional<ExecutionView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query((rs, n) -> view(rs)).optional();
    }

    /** Locks the row for the job that starts it; another instance's job for the same row waits. */
    Optional<ExecutionView> lockForStart(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = ? FOR UPDATE OF e").param(id).query((rs, n) -> view(rs)).optional();
    }

    void markRunning(UUID id, String provider, String model) {
        jdbc.sql("""
                        UPDATE executions SET status = 'RUNNING', attempts = attempts + 1, started_at = now(),
                               provider = ?, model = ? WHERE id = ?""")
                .params(provider, model, id).update();
    }

    /** Finishes a running execution once: a second finish of the same run changes nothing and returns 0. */
    int finish(UUID id, ExecutionStatus status, String output, String error, Integer inputTokens, Integer outputTokens,
               BigDecimal cost, Long durationMs) {
        return jdbc.sql("""
                        UPDATE executions SET status = ?, output = ?, error = ?, input_tokens = ?, output_tokens = ?,
                               cost = ?, duration_ms = ?, finished_at = now()
                         WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""")
                .params(status.name(), output, error, inputTokens, outputTokens, cost, durationMs, id)
                .update();
    }

    /** The model that actually answers, when a fallback took over. */
    void useModel(UUID id, String provider, String model) {
        jdbc.sql("UPDATE executions SET provider = ?, model = ? WHERE id = ?").params(provider, model, id).update();
    }

    void countAttempt(UUID id) {
        jdbc.sql("UPDATE executions SET attempts = attempts + 1 WHERE id = ?").param(id).update();
    }

    /** Marks a queued or running execution cancelled; 0 when it had already ended. */
    int cancel(UUID id, String by) {
        return jdbc.sql("UPDATE executions SET status = 'CANCELLED', error = ?, finished_at = now() "
                        + "WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                .params("Cancelled by " + by + ".", id).update();
    }

    /** Keeps what a cancelled run produced before its stream was closed. */
    int completeCancelled(UUID id, String output, Integer inputTokens, Integer outputTokens, BigDecimal cost, Long durationMs) {
        return jdbc.sql("UPDATE executions SET output = ?, input_tokens = ?, output_tokens = ?, cost = ?, duration_ms = ? "
                        + "WHERE id = ? AND status = 'CANCELLED' AND duration_ms IS NULL")
                .params(output, inputTokens, outputTokens, cost, durationMs, id).update();
    }

    /**
     * Counts one more submitted run this month and returns how many there were before it. The row lock
     * holds concurrent submissions of the organization in line, so the quota cannot be overrun.
     */
    long countSubmission(UUID orgId) {
        return jdbc.sql("""
                        INSERT INTO execution_usage (org_id, month, executions) VALUES (?, date_trunc('month', now())::date, 1)
                        ON CONFLICT (org_id, month) DO UPDATE SET executions = execution_usage.executions + 1
                        RETURNING executions - 1""")
                .param(orgId).query(Long.class).single();
    }

    void event(UUID orgId, UUID executionId, String kind, String message) {
        jdbc.sql("INSERT INTO execution_events (org_id, execution_id, kind, message) VALUES (?, ?, ?, ?)")
                .params(orgId, executionId, kind, message).update();
    }

    List<ExecutionEventView> events(UUID executionId) {
        return jdbc.sql("SELECT kind, message, created_at FROM execution_events WHERE execution_id = ? ORDER BY id")
                .param(executionId)
                .query((rs, n) -> new ExecutionEventView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    static ExecutionView view(ResultSet rs) throws SQLException {
        return new ExecutionView((UUID) rs.getObject("id"), (UUID) rs.getObject("agent_id"), rs.getString("agent_name"),
                ExecutionStatus.valueOf(rs.getString("status")), rs.getString("task"), rs.getString("context"),
                rs.getString("output"), rs.getString("error"), rs.getString("provider"), rs.getString("model"),
                (Integer) rs.getObject("input_tokens"), (Integer) rs.getObject("output_tokens"), rs.getBigDecimal("cost"),
                (Long) rs.getObject("duration_ms"), rs.getInt("attempts"), (Integer) rs.getObject("max_tokens"),
                rs.getBoolean("cache_hit"),
                (UUID) rs.getObject("requested_by"), rs.getString("requested_by_email"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), instant(rs.getTimestamp("deadline_at")),
                (UUID) rs.getObject("parent_id"), (UUID) rs.getObject("team_id"), rs.getString("team_pattern"),
                rs.getString("step_key"), rs.getString("step_role"), (Integer) rs.getObject("step_round"),
                (UUID) rs.getObject("winner_step_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
