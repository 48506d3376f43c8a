package com.agenthub.shared.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * The platform admin acting on this thread, on the admin pages only. Every transaction begun meanwhile sets
 * {@code app.platform_admin} transaction-locally, which the cross-organization database functions check.
 */
public final class PlatformAdminContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private PlatformAdminContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds until the scope is closed (a servlet filter's request). */
    public static TenantContext.Scope open(UUID userId) {
        UUID previous = CURRENT.get();
        CURRENT.set(userId);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }
}
