package com.agenthub.audit;

import com.agenthub.shared.PageSlice;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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

    /** Every organization's events: callers must have checked the platform role. */
    @Transactional(readOnly = true)
    public PageSlice<AuditEventView> platformEvents(int limit, int offset) {
        long[] total = {0};
        var items = jdbc.sql("SELECT * FROM admin_audit_events(?, ?)")
                .params(limit, offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_count");
                    return new AuditEventView(rs.getLong("id"), (UUID) rs.getObject("org_id"), rs.getString("org_name"),
                            rs.getString("actor_email"), rs.getString("action"), rs.getString("target"),
                            rs.getString("detail"), rs.getString("ip_address"),
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
        if (items.isEmpty() && offset > 0) {
            total[0] = jdbc.sql("SELECT count(*) FROM admin_audit_events(1, 0)").query(Long.class).optional().orElse(0L);
        }
        return new PageSlice<>(items, total[0], limit, offset);
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
