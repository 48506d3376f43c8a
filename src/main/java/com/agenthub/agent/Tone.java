package com.agenthub.agent;

public enum Tone {
    PROFESSIONAL, CASUAL, FORMAL, ENTHUSIASTIC;

    public String label() {
        String lower = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
