package com.agenthub.agent;

public enum LanguageStyle {
    CONCISE, DETAILED, CONVERSATIONAL;

    public String label() {
        String lower = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
