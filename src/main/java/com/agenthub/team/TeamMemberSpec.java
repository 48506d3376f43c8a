package com.agenthub.team;

import java.util.UUID;

/** A member as a team's editor gives it: which agent, its role label, and whether it leads. Order is position. */
public record TeamMemberSpec(UUID agentId, String role, boolean lead) {
}
