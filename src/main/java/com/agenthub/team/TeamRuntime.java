package com.agenthub.team;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team side of running: background jobs load a team and record a finished team run. Callers are system
 * code that has bound the run's organization; no actor is involved.
 */
@Service
public class TeamRuntime {

    private final TeamStore store;

    TeamRuntime(TeamStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Optional<RunnableTeam> load(UUID orgId, UUID teamId) {
        return store.find(orgId, teamId).map(TeamRuntime::runnable);
    }

    static RunnableTeam runnable(TeamView t) {
        return new RunnableTeam(t.id(), t.name(), t.pattern(), t.members().stream()
                .map(m -> new RunnableTeam.Member(m.agentId(), m.agentName(), m.role(), m.position(), m.lead())).toList(),
                t.maxRounds(), t.maxDelegations(), t.costCap(), t.timeoutSeconds());
    }

    @Transactional
    public void recordRun(UUID teamId, boolean succeeded, BigDecimal cost) {
        store.recordRun(teamId, succeeded, cost == null ? BigDecimal.ZERO : cost);
    }
}
