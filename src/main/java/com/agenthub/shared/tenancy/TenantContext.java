package com.agenthub.shared.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organization whose rows the current thread may touch. Every transaction begun while one is bound
 * sets {@code app.org_id} transaction-locally, which row-level security reads. Nothing bound means the
 * database shows no tenant rows at all (fail closed).
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callAs(UUID orgId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        if (previous != null && !previous.equals(orgId) && TransactionSynchronizationManager.isActualTransactionActive()) {
            // The open transaction is bound to the previous organization and would keep it.
            throw new IllegalStateException("cannot switch organization inside a transaction");
        }
        CURRENT.set(orgId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** For code that cannot pass a lambda (a servlet filter): binds until the scope is closed. */
    public static Scope open(UUID orgId) {
        UUID previous = CURRENT.get();
        CURRENT.set(orgId);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static void runAs(UUID orgId, Runnable work) {
        callAs(orgId, () -> {
            work.run();
            return null;
        });
    }
}
