package com.agenthub.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An execution as pages and the API show it; {@code context} is JSON text or null. */
public record ExecutionView(UUID id, UUID agentId, String agentName, ExecutionStatus status, String task, String context,
                            String output, String error, String provider, String model, Integer inputTokens,
                            Integer outputTokens, BigDecimal cost, Long durationMs, int attempts, Integer maxTokens, boolean cacheHit,
                            UUID requestedBy, String requestedByEmail, Instant createdAt, Instant startedAt,
                            Instant finishedAt, Instant deadlineAt, UUID parentId, UUID teamId, String teamPattern,
                            String stepKey, String stepRole, Integer stepRound, UUID winnerStepId) {

    /** A run of a team (its steps are child executions); {@code agentName} is then the team's name. */
    public boolean teamRun() {
        return teamId != null;
    }

    public boolean teamStep() {
        return stepKey != null;
    }

    public boolean simulated() {
        return "sandbox".equals(provider);
    }

    public Integer totalTokens() {
        return inputTokens == null && outputTokens == null ? null
                : (inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens);
    }
}
