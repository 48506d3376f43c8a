package com.agenthub.agent;

import java.util.Arrays;
import java.util.Optional;

/** The platform's catalog of safe built-in tools an agent may be allowed to call during its runs. */
public enum AgentTool {
    CALCULATOR("calculator", "Calculator", "Evaluates arithmetic expressions exactly.", true),
    CURRENT_TIME("current_time", "Date and time", "Tells the current date and time in a given time zone.", true),
    ASK_AGENT("ask_agent", "Ask another agent", "Asks another agent of this organization (depth-limited).", true);

    private final String id;
    private final String label;
    private final String description;
    private final boolean available;

    AgentTool(String id, String label, String description, boolean available) {
        this.id = id;
        this.label = label;
        this.description = description;
        this.available = available;
    }

    public boolean available() {
        return available;
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
