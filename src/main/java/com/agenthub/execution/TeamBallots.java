package com.agenthub.execution;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The team_votes table: the ballot of a democratic team run. */
@Component
class TeamBallots {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    TeamBallots(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Kept once: a run resumed after its instance stopped records the same ballot again as a no-op. */
    void record(UUID orgId, UUID executionId, UUID voterAgentId, UUID voterStepId, UUID proposalStepId, String reason) {
        String line = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        String bounded = line.length() > 500 ? line.substring(0, 499) + "…" : line;
        transaction.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO team_votes (execution_id, org_id, voter_agent_id, voter_step_id, proposal_step_id, reason)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (execution_id, voter_agent_id) DO NOTHING""")
                .params(executionId, orgId, voterAgentId, voterStepId, proposalStepId, bounded).update());
    }

    /** Callers hold the transaction and the tenant. */
    List<TeamVoteView> of(UUID executionId) {
        return jdbc.sql("""
                        SELECT v.voter_agent_id, a.name, v.voter_step_id, v.proposal_step_id, v.reason
                          FROM team_votes v LEFT JOIN agents a ON a.id = v.voter_agent_id
                          JOIN executions s ON s.id = v.voter_step_id
                         WHERE v.execution_id = ? ORDER BY s.created_at, s.id""")
                .param(executionId)
                .query((rs, n) -> new TeamVoteView((UUID) rs.getObject(1), rs.getString(2), (UUID) rs.getObject(3),
                        (UUID) rs.getObject(4), rs.getString(5)))
                .list();
    }
}
