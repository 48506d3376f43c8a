package com.agenthub.execution;

import com.agenthub.shared.PageSlice;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Listing executions newest first. The organization list is keyset-paged on (created_at, id) so the
 * thousandth page costs what the first does, whatever the table's size.
 */
@Component
class ExecutionQueries {

    private final JdbcClient jdbc;

    ExecutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Older than {@code after} (from the newest when null), or, with {@code newer}, the page just newer than it. */
    ExecutionPage list(UUID orgId, ExecutionFilter filter, ExecutionCursor after, int limit, boolean newer) {
        // A team run's steps are shown on its page, not as runs of their own.
        StringBuilder where = new StringBuilder(" WHERE e.org_id = :org AND e.step_key IS NULL");
        Map<String, Object> params = new HashMap<>();
        params.put("org", orgId);
        if (filter.agentId() != null) {
            where.append(" AND e.agent_id = :agent");
            params.put("agent", filter.agentId());
        }
        if (filter.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            where.append(" AND e.created_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.append(" AND e.created_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (filter.requestedBy() != null) {
            where.append(" AND e.requested_by = :requester");
            params.put("requester", filter.requestedBy());
        }
        if (filter.task() != null) {
            // A plain substring: strpos has no wildcards to escape, unlike LIKE.
            where.append(" AND strpos(lower(e.task), lower(:task)) > 0");
            params.put("task", filter.task());
        }
        if (after != null) {
            where.append(newer ? " AND (e.created_at, e.id) > (:afterTime, :afterId)" : " AND (e.created_at, e.id) < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("limit", limit + 1);
        List<ExecutionView> rows = new ArrayList<>(jdbc.sql(ExecutionRecords.SELECT + where
                        + (newer ? " ORDER BY e.created_at, e.id LIMIT :limit" : " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit"))
                .params(params)
                .query((rs, n) -> ExecutionRecords.view(rs))
                .list());
        boolean more = rows.size() > limit;
        List<ExecutionView> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        if (newer) {
            Collections.reverse(page); // read oldest first to find the nearest newer rows; shown newest first
        }
        if (page.isEmpty()) {
            return new ExecutionPage(List.of(), null, null);
        }
        ExecutionView first = page.get(0);
        ExecutionView last = page.get(page.size() - 1);
        boolean older = newer || more;
        boolean newerExist = newer ? more : after != null;
        return new ExecutionPage(List.copyOf(page), older ? new ExecutionCursor(last.createdAt(), last.id()) : null,
                newerExist ? new ExecutionCursor(first.createdAt(), first.id()) : null);
    }

    /** Queued runs of the organization submitted before this one (the queue is first come, first served). */
    long queuedBefore(UUID orgId, ExecutionView run) {
        return jdbc.sql("""
                        SELECT count(*) FROM executions WHERE org_id = ? AND status = 'QUEUED' AND parent_id IS NULL
                           AND (created_at, id) < (?, ?)""")
                .params(orgId, Timestamp.from(run.createdAt()), run.id()).query(Long.class).single();
    }

    PageSlice<ExecutionView> forTeam(UUID orgId, UUID teamId, int limit, int offset) {
        long total = jdbc.sql("SELECT count(*) FROM executions e WHERE e.org_id = ? AND e.team_id = ?")
                .params(orgId, teamId).query(Long.class).single();
        List<ExecutionView> items = jdbc.sql(ExecutionRecords.SELECT + " WHERE e.org_id = ? AND e.team_id = ?"
                        + " ORDER BY e.created_at DESC, e.id DESC LIMIT " + limit + " OFFSET " + offset)
                .params(orgId, teamId)
                .query((rs, n) -> ExecutionRecords.view(rs))
                .list();
        return new PageSlice<>(items, total, limit, offset);
    }

    PageSlice<ExecutionView> forAgent(UUID orgId, UUID agentId, ExecutionStatus status, int limit, int offset) {
        String where = " WHERE e.org_id = ? AND e.agent_id = ?" + (status == null ? "" : " AND e.status = ?");
        Object[] params = status == null ? new Object[] {orgId, agentId} : new Object[] {orgId, agentId, status.name()};
        long total = jdbc.sql("SELECT count(*) FROM executions e" + where).params(params).query(Long.class).single();
        List<ExecutionView> items = jdbc.sql(ExecutionRecords.SELECT + where
                        + " ORDER BY e.created_at DESC, e.id DESC LIMIT " + limit + " OFFSET " + offset)
                .params(params)
                .query((rs, n) -> ExecutionRecords.view(rs))
                .list();
        return new PageSlice<>(items, total, limit, offset);
    }
}
