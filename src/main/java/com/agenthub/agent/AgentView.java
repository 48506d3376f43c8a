package com.agenthub.agent;

import java.time.Instant;
import java.util.UUID;

public record AgentView(UUID id, AgentSettings settings, AgentStatus status, UUID createdBy, Instant createdAt,
                        Instant updatedAt, AgentMetrics metrics, String systemPrompt) {

    public String name() {
        return settings.name();
    }
}
