package com.agenthub.agent;

import java.util.Optional;
import java.util.UUID;

/**
 * Another module's reason an agent must not be deleted (for example: it is a member of a team). Implemented
 * where that knowledge lives, so this module needs no dependency on it.
 */
public interface AgentDeletionGuard {

    /** Why the agent cannot be deleted now, or empty; called inside the deleting transaction. */
    Optional<String> refusal(UUID orgId, UUID agentId, String agentName);
}
