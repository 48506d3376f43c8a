package com.agenthub.team;

import java.util.UUID;

/** A member as pages and the API show it. */
public record TeamMemberView(UUID agentId, String agentName, String role, int position, boolean lead,
                             String agentStatus, String provider, String model) {
}
