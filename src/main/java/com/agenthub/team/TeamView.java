package com.agenthub.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team as pages and the API show it, with the totals its finished runs have added up to. */
public record TeamView(UUID id, String name, String description, TeamPattern pattern, List<TeamMemberView> members,
                       int maxRounds, int maxDelegations, BigDecimal costCap, int timeoutSeconds, long runs,
                       long successes, BigDecimal totalCost, Instant lastRunAt, Instant createdAt, Instant updatedAt) {

    public TeamMemberView lead() {
        return members.stream().filter(TeamMemberView::lead).findFirst().orElse(null);
    }

    public Integer successRate() {
        return runs == 0 ? null : (int) Math.round(100.0 * successes / runs);
    }

    public int modelCalls() {
        return pattern.modelCalls(members.size(), maxRounds, maxDelegations);
    }

    public BigDecimal averageCost() {
        return runs == 0 ? null : totalCost.divide(BigDecimal.valueOf(runs), 6, RoundingMode.HALF_UP);
    }

    public TeamSettings settings() {
        return new TeamSettings(name, description, pattern, members.stream()
                .map(m -> new TeamMemberSpec(m.agentId(), m.role(), m.lead())).toList(),
                maxRounds, maxDelegations, costCap, timeoutSeconds);
    }
}
