package com.agenthub.agent;

import com.agenthub.shared.PageSlice;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agent list and dashboard totals in plain SQL: filtered, sorted and paged in the database. */
@Component
class AgentDirectory {

    private final JdbcClient jdbc;

    AgentDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageSlice<AgentView> list(UUID orgId, AgentQuery query) {
        StringBuilder where = new StringBuilder(" WHERE org_id = :org AND deleted_at IS NULL");
        var params = new java.util.HashMap<String, Object>();
        params.put("org", orgId);
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.put("status", query.status().name());
        }
        if (query.provider() != null && !query.provider().isBlank()) {
            where.append(" AND provider = :provider");
            params.put("provider", query.provider());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (name ILIKE :search OR description ILIKE :search)");
            params.put("search", "%" + query.search().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM agents" + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String order = query.sort().column() + (query.descending() ? " DESC" : " ASC") + ", id";
        List<AgentView> items = jdbc.sql("SELECT * FROM agents" + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> toView(rs))
                .list();
        return new PageSlice<>(items, total, query.limit(), query.offset());
    }

    /** Alphabetical through the (org, lower(name)) index: no count and no sort of every agent. */
    List<AgentOption> options(UUID orgId, int limit) {
        return jdbc.sql("SELECT id, name FROM agents WHERE org_id = ? AND deleted_at IS NULL ORDER BY lower(name) LIMIT ?")
                .params(orgId, limit)
                .query((rs, n) -> new AgentOption((UUID) rs.getObject(1), rs.getString(2)))
                .list();
    }

    boolean anyRunWaiting(UUID orgId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM executions WHERE org_id = ? AND status = 'QUEUED')").param(orgId)
                .query(Boolean.class).single();
    }

    AgentTotals totals(UUID orgId) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE status <> 'OFFLINE'), coalesce(sum(runs), 0),
                               coalesce(sum(successes), 0), coalesce(sum(total_cost), 0)
                          FROM agents WHERE org_id = ? AND deleted_at IS NULL""")
                .param(orgId)
                .query((rs, n) -> new AgentTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .single();
    }

    private static AgentView toView(ResultSet rs) throws SQLException {
        var settings = new AgentSettings(rs.getString("name"), rs.getString("description"),
                new AgentSettings.ModelConfig(rs.getString("provider"), rs.getString("model"),
                        rs.getBigDecimal("temperature"), rs.getInt("max_tokens"), rs.getBigDecimal("top_p"),
                        rs.getString("fallback_provider"), rs.getString("fallback_model")),
                new AgentSettings.Personality(strings(rs.getArray("traits")), Tone.valueOf(rs.getString("tone")),
                        Behavior.valueOf(rs.getString("behavior")), LanguageStyle.valueOf(rs.getString("language_style"))),
                rs.getString("instructions"), strings(rs.getArray("tools")),
                new AgentSettings.Memory(MemoryMode.valueOf(rs.getString("memory_mode")),
                        rs.getInt("memory_max_messages"), rs.getInt("memory_token_budget")),
                rs.getBoolean("cache_enabled"), rs.getInt("timeout_seconds"));
        Timestamp lastRun = rs.getTimestamp("last_run_at");
        BigDecimal cost = rs.getBigDecimal("total_cost");
        return new AgentView((UUID) rs.getObject("id"), settings, AgentStatus.valueOf(rs.getString("status")),
                (UUID) rs.getObject("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                new AgentMetrics(rs.getLong("runs"), rs.getLong("successes"), rs.getLong("total_tokens"), cost,
                        rs.getLong("total_duration_ms"), lastRun == null ? null : lastRun.toInstant()),
                SystemPrompt.of(settings));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
    }
}
