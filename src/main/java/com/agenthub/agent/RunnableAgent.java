package com.agenthub.agent;

import java.util.UUID;

/** What a run needs to know of its agent. */
public record RunnableAgent(UUID id, String name, AgentStatus status, AgentSettings settings, String systemPrompt) {
}
