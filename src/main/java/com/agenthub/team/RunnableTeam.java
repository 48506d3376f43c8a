package com.agenthub.team;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a team run needs to know of its team: the members in their order, the lead, and the rails. */
public record RunnableTeam(UUID id, String name, TeamPattern pattern, List<Member> members, int maxRounds,
                           int maxDelegations, BigDecimal costCap, int timeoutSeconds) {

    public record Member(UUID agentId, String name, String role, int position, boolean lead) {

        /** "Role (agent name)", as timelines name a member. */
        public String describe() {
            return role + " (" + name + ")";
        }
    }

    public Member lead() {
        return members.stream().filter(Member::lead).findFirst().orElse(members.get(0));
    }
}
