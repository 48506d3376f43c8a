package com.agenthub.organization;

/** Plan features that switch whole capabilities on or off. */
public enum Feature {
    TEAMS("Agent teams"),
    BYOK("Your own provider keys"),
    PUBLISH_TEMPLATES("Publishing templates"),
    INTELLIGENCE("Intelligence features");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
