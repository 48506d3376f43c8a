package com.agenthub.audit;

import com.agenthub.shared.PageSlice;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records events in the caller's transaction, so an audited change and its entry commit together.
 * An event with an organization can only be written while that organization is bound (RLS).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(UUID orgId, UUID actorUserId, String actorEmail, String action, String target, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_events (org_id, actor_user_id, actor_email, action, target, detail, ip_address)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(orgId, actorUserId, actorEmail, action, target, detail, clientAddress())
                .update();
    }

    /** Every organization's events: callers must have checked the platform role (the database checks it too). */
    @Transactional(readOnly = true)
    public PageSlice<AuditEventView> platformEvents(int limit, int offset) {
        return platformEvents(AuditFilter.NONE, limit, offset);
    }

    @Transactional(readOnly = true)
    public PageSlice<AuditEventView> platformEvents(AuditFilter filter, int limit, int offset) {
        String sql = "SELECT * FROM admin_audit_events(?, ?, ?, ?, ?, ?, ?)";
        Object[] params = {filter.organization(), filter.actor(), filter.action(), startOf(filter.from()),
                filter.to() == null ? null : startOf(filter.to().plusDays(1)), limit, offset};
        long[] total = {0};
        var items = jdbc.sql(sql).params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_count");
                    return new AuditEventView(rs.getLong("id"), (UUID) rs.getObject("org_id"), rs.getString("org_name"),
                            rs.getString("actor_email"), rs.getString("action"), rs.getString("target"),
                            rs.getString("detail"), rs.getString("ip_address"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
        if (items.isEmpty() && offset > 0) {
            params[5] = 1;
            params[6] = 0;
            total[0] = jdbc.sql("SELECT coalesce(max(total_count), 0) FROM admin_audit_events(?, ?, ?, ?, ?, ?, ?)")
                    .params(params).query(Long.class).optional().orElse(0L);
        }
        return new PageSlice<>(items, total[0], limit, offset);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    public record AuditEventView(long id, UUID orgId, String orgName, String actorEmail, String action, String target,
                                 String detail, String ipAddress, Instant createdAt) {
    }
}
