package com.agenthub.team;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The teams and team_members tables; callers hold the transaction and the tenant. */
@Component
class TeamStore {

    private static final String MEMBERS = """
            SELECT m.team_id, m.agent_id, a.name, m.role, m.position, m.lead, a.status, a.provider, a.model
              FROM team_members m JOIN agents a ON a.id = m.agent_id
             WHERE m.team_id = ANY(?) ORDER BY m.team_id, m.position""";

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID orgId, UUID createdBy, TeamSettings settings) {
        jdbc.sql("""
                        INSERT INTO teams (id, org_id, name, description, pattern, max_rounds, max_delegations, cost_cap,
                                           timeout_seconds, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, orgId, settings.name().strip(), settings.description().strip(), settings.pattern().name(),
                        settings.maxRounds(), settings.maxDelegations(), settings.costCap(), settings.timeoutSeconds(),
                        createdBy)
                .update();
        insertMembers(id, orgId, settings.members());
    }

    void update(UUID id, UUID orgId, TeamSettings settings) {
        jdbc.sql("""
                        UPDATE teams SET name = ?, description = ?, pattern = ?, max_rounds = ?, max_delegations = ?,
                               cost_cap = ?, timeout_seconds = ?, updated_at = now() WHERE id = ?""")
                .params(settings.name().strip(), settings.description().strip(), settings.pattern().name(),
                        settings.maxRounds(), settings.maxDelegations(), settings.costCap(), settings.timeoutSeconds(), id)
                .update();
        jdbc.sql("DELETE FROM team_members WHERE team_id = ?").param(id).update();
        insertMembers(id, orgId, settings.members());
    }

    private void insertMembers(UUID teamId, UUID orgId, List<TeamMemberSpec> members) {
        for (int i = 0; i < members.size(); i++) {
            TeamMemberSpec m = members.get(i);
            jdbc.sql("INSERT INTO team_members (team_id, org_id, agent_id, position, role, lead) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(teamId, orgId, m.agentId(), i + 1, m.role().strip(), m.lead()).update();
        }
    }

    void softDelete(UUID id) {
        jdbc.sql("UPDATE teams SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL").param(id).update();
    }

    Optional<TeamView> find(UUID orgId, UUID id) {
        List<TeamView> found = withMembers(jdbc.sql("SELECT * FROM teams WHERE id = ? AND org_id = ? AND deleted_at IS NULL")
                .params(id, orgId)
                .query((rs, n) -> row(rs)).list());
        return found.stream().findFirst();
    }

    long count(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM teams WHERE org_id = ? AND deleted_at IS NULL").param(orgId)
                .query(Long.class).single();
    }

    List<TeamView> page(UUID orgId, int limit, int offset) {
        return withMembers(jdbc.sql("SELECT * FROM teams WHERE org_id = ? AND deleted_at IS NULL "
                        + "ORDER BY lower(name), id LIMIT ? OFFSET ?")
                .params(orgId, limit, offset).query((rs, n) -> row(rs)).list());
    }

    boolean nameTaken(UUID orgId, String name, UUID exceptId) {
        return jdbc.sql("SELECT count(*) FROM teams WHERE org_id = ? AND lower(name) = lower(?) AND deleted_at IS NULL "
                        + "AND id IS DISTINCT FROM ?")
                .params(orgId, name.strip(), exceptId).query(Long.class).single() > 0;
    }

    /** The live agents among {@code ids} (this organization's only, by row-level security), by id. */
    Map<UUID, String> liveAgents(List<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM agents WHERE id = ANY(?) AND deleted_at IS NULL")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put((UUID) rs.getObject(1), rs.getString(2));
                });
        return names;
    }

    /** Names of the live teams an agent is a member of. */
    List<String> teamsWith(UUID agentId) {
        return jdbc.sql("""
                        SELECT t.name FROM team_members m JOIN teams t ON t.id = m.team_id
                         WHERE m.agent_id = ? AND t.deleted_at IS NULL ORDER BY lower(t.name)""")
                .param(agentId).query(String.class).list();
    }

    /** One atomic update, so concurrent runs never lose a count. */
    void recordRun(UUID teamId, boolean succeeded, BigDecimal cost) {
        jdbc.sql("UPDATE teams SET runs = runs + 1, successes = successes + ?, total_cost = total_cost + ?, "
                        + "last_run_at = now() WHERE id = ?")
                .params(succeeded ? 1 : 0, cost, teamId).update();
    }

    /** Serializes team changes per organization so the plan's limit and name uniqueness hold under races. */
    void lock(UUID orgId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("teams:" + orgId).query().singleRow();
    }

    private record Row(UUID id, String name, String description, TeamPattern pattern, int maxRounds, int maxDelegations,
                       BigDecimal costCap, int timeoutSeconds, long runs, long successes, BigDecimal totalCost,
                       Instant lastRunAt, Instant createdAt, Instant updatedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row((UUID) rs.getObject("id"), rs.getString("name"), rs.getString("description"),
                TeamPattern.valueOf(rs.getString("pattern")), rs.getInt("max_rounds"), rs.getInt("max_delegations"),
                rs.getBigDecimal("cost_cap"), rs.getInt("timeout_seconds"), rs.getLong("runs"), rs.getLong("successes"),
                rs.getBigDecimal("total_cost"), instant(rs.getTimestamp("last_run_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private List<TeamView> withMembers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TeamMemberView>> members = new LinkedHashMap<>();
        jdbc.sql(MEMBERS).param(rows.stream().map(Row::id).toArray(UUID[]::new)).query(rs -> {
            members.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>()).add(new TeamMemberView(
                    (UUID) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6),
                    rs.getString(7), rs.getString(8), rs.getString(9)));
        });
        return rows.stream().map(r -> new TeamView(r.id(), r.name(), r.description(), r.pattern(),
                List.copyOf(members.getOrDefault(r.id(), List.of())), r.maxRounds(), r.maxDelegations(), r.costCap(),
                r.timeoutSeconds(), r.runs(), r.successes(), r.totalCost(), r.lastRunAt(), r.createdAt(), r.updatedAt()))
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
