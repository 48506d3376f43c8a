package com.agenthub.organization;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which organizations a user belongs to. This is read before any organization is bound, through the
 * narrow {@code user_memberships} database function rather than by lifting row-level security.
 */
@Service
public class MembershipDirectory {

    private final JdbcClient jdbc;

    MembershipDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrganizationMembership> membershipsOf(UUID userId) {
        return jdbc.sql("SELECT * FROM user_memberships(?)")
                .param(userId)
                .query((rs, n) -> {
                    Timestamp suspendedAt = rs.getTimestamp("suspended_at");
                    return new OrganizationMembership((UUID) rs.getObject("org_id"), rs.getString("org_name"),
                            Role.valueOf(rs.getString("role")), Tier.valueOf(rs.getString("tier")),
                            suspendedAt == null ? null : suspendedAt.toInstant(), rs.getString("suspended_reason"));
                })
                .list();
    }
}
