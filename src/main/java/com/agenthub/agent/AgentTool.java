package com.agenthub.agent;

import java.util.Arrays;
import java.util.Optional;

/** The platform's catalog of safe built-in tools an agent may be allowed to call during its runs. */
public enum AgentTool {
    CALCULATOR("calculator", "Calculator", "Evaluates arithmetic expressions exactly."),
    CURRENT_TIME("current_time", "Date and time", "Tells the current date and time in a given time zone."),
    ASK_AGENT("ask_agent", "Ask another agent", "Asks another agent of this organization (depth-limited).");

    private final String id;
    private final String label;
    private final String description;

    AgentTool(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<AgentTool> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
