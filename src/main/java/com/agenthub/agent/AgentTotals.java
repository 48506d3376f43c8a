package com.agenthub.agent;

import java.math.BigDecimal;

/** The agent dashboard's cards, summed over the organization's live agents. */
public record AgentTotals(long agents, long online, long runs, long successes, BigDecimal spend) {

    public Double successRate() {
        return runs == 0 ? null : (double) successes / runs;
    }
}
