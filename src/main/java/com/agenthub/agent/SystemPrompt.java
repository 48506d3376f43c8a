package com.agenthub.agent;

import java.util.stream.Collectors;

/**
 * Builds what the model is told, in one place: identity, personality, then the admin's instructions.
 * Learned guidelines will be appended here when the learning loop exists.
 */
public final class SystemPrompt {

    private SystemPrompt() {
    }

    public static String of(AgentSettings settings) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("You are ").append(settings.name().strip()).append('.');
        if (settings.description() != null && !settings.description().isBlank()) {
            prompt.append(' ').append(settings.description().strip());
            if (!settings.description().strip().endsWith(".")) {
                prompt.append('.');
            }
        }
        prompt.append("\n\n## Personality\n");
        var personality = settings.personality();
        if (!personality.traits().isEmpty()) {
            prompt.append("You are ").append(personality.traits().stream().map(String::strip)
                    .collect(Collectors.joining(", "))).append(".\n");
        }
        prompt.append(switch (personality.tone()) {
            case PROFESSIONAL -> "Keep a professional tone.";
            case CASUAL -> "Keep a relaxed, casual tone.";
            case FORMAL -> "Keep a formal tone.";
            case ENTHUSIASTIC -> "Keep an enthusiastic, upbeat tone.";
        }).append('\n');
        prompt.append(switch (personality.behavior()) {
            case HELPFUL -> "Be helpful: anticipate what the user needs next.";
            case DIRECT -> "Be direct: answer first, explain only when asked.";
            case EMPATHETIC -> "Be empathetic: acknowledge the user's situation before solving it.";
            case TECHNICAL -> "Be technical and precise: name specifics, avoid vagueness.";
        }).append('\n');
        prompt.append(switch (personality.languageStyle()) {
            case CONCISE -> "Write concisely.";
            case DETAILED -> "Write in detail, with examples where they help.";
            case CONVERSATIONAL -> "Write conversationally, as in a chat.";
        }).append('\n');
        if (settings.instructions() != null && !settings.instructions().isBlank()) {
            prompt.append("\n## Instructions\n").append(settings.instructions().strip()).append('\n');
        }
        return prompt.toString();
    }
}
