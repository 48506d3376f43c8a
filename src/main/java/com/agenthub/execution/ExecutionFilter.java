package com.agenthub.execution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the executions list; null matches everything. Dates are inclusive, in UTC; {@code task} matches
 * runs whose task contains it, ignoring case.
 */
public record ExecutionFilter(UUID agentId, ExecutionStatus status, LocalDate from, LocalDate to, UUID requestedBy,
                              String task) {

    public ExecutionFilter {
        task = task == null || task.isBlank() ? null : task.strip();
    }

    public static ExecutionFilter none() {
        return new ExecutionFilter(null, null, null, null, null, null);
    }

    public boolean any() {
        return agentId != null || status != null || from != null || to != null || requestedBy != null || task != null;
    }
}
