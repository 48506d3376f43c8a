package com.agenthub.agent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Averages derived from the running totals kept on the agent. */
public record AgentMetrics(long runs, long successes, long totalTokens, BigDecimal totalCost, long totalDurationMs,
                           Instant lastRunAt) {

    public Double successRate() {
        return runs == 0 ? null : (double) successes / runs;
    }

    public Long avgTokens() {
        return runs == 0 ? null : totalTokens / runs;
    }

    public BigDecimal avgCost() {
        return runs == 0 ? null : totalCost.divide(BigDecimal.valueOf(runs), 6, RoundingMode.HALF_UP);
    }

    public Long avgDurationMs() {
        return runs == 0 ? null : totalDurationMs / runs;
    }
}
