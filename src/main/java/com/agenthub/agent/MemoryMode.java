package com.agenthub.agent;

public enum MemoryMode {
    NONE, PER_AGENT, PER_USER;

    public String label() {
        String lower = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
