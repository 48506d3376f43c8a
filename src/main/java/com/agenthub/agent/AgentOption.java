package com.agenthub.agent;

import java.util.UUID;

/** An agent as a choice in a filter: its id and name. */
public record AgentOption(UUID id, String name) {
}
