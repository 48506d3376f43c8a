package com.agenthub.llm;

import java.util.Arrays;
import java.util.Optional;

/** The providers AgentHub talks to; ids are what the API and database use. */
public enum Provider {
    OPENAI("openai", "OpenAI", "OPENAI_API_KEY"),
    GROQ("groq", "Groq", "GROQ_API_KEY"),
    ANTHROPIC("anthropic", "Anthropic", "ANTHROPIC_API_KEY"),
    OPENAI_COMPATIBLE("openai_compatible", "OpenAI-compatible server", "OPENAI_BASE_URL"),
    SANDBOX("sandbox", "Sandbox", null);

    private final String id;
    private final String label;
    private final String setting;

    Provider(String id, String label, String setting) {
        this.id = id;
        this.label = label;
        this.setting = setting;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The environment variable that enables the provider platform-wide. */
    public String setting() {
        return setting;
    }

    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
