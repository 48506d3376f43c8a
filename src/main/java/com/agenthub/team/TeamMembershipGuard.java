package com.agenthub.team;

import com.agenthub.agent.AgentDeletionGuard;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** An agent that is a member of a team is not deleted out from under it: the team is named instead. */
@Component
class TeamMembershipGuard implements AgentDeletionGuard {

    private final TeamStore store;

    TeamMembershipGuard(TeamStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> refusal(UUID orgId, UUID agentId, String agentName) {
        List<String> teams = store.teamsWith(agentId);
        if (teams.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(agentName + " is a member of " + (teams.size() == 1 ? "the team " : "the teams ")
                + String.join(", ", teams) + ". Remove it from " + (teams.size() == 1 ? "that team" : "those teams")
                + " (or delete " + (teams.size() == 1 ? "it" : "them") + ") first.");
    }
}
