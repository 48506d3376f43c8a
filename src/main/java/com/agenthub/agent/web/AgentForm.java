package com.agenthub.agent.web;

import com.agenthub.agent.AgentSettings;
import com.agenthub.agent.Behavior;
import com.agenthub.agent.LanguageStyle;
import com.agenthub.agent.MemoryMode;
import com.agenthub.agent.Tone;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The agent form as the browser posts it; models travel as "provider:model". */
record AgentForm(String name, String description, String model, BigDecimal temperature, Integer maxTokens,
                 BigDecimal topP, String fallback, String traits, Tone tone, Behavior behavior,
                 LanguageStyle languageStyle, String instructions, List<String> tools, MemoryMode memoryMode,
                 Integer memoryMaxMessages, Integer memoryTokenBudget, Integer timeoutSeconds) {

    /** Where each service field problem is shown on the form. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("description", "description"),
            Map.entry("model_config.provider", "model"), Map.entry("model_config.model", "model"),
            Map.entry("model_config.temperature", "temperature"), Map.entry("model_config.max_tokens", "maxTokens"),
            Map.entry("model_config.top_p", "topP"), Map.entry("model_config.fallback_provider", "fallback"),
            Map.entry("model_config.fallback_model", "fallback"), Map.entry("personality.traits", "traits"),
            Map.entry("personality.tone", "tone"), Map.entry("personality.behavior", "behavior"),
            Map.entry("personality.language_style", "languageStyle"), Map.entry("instructions", "instructions"),
            Map.entry("tools", "tools"), Map.entry("memory.mode", "memoryMode"),
            Map.entry("memory.max_messages", "memoryMaxMessages"), Map.entry("memory.token_budget", "memoryTokenBudget"),
            Map.entry("timeout_seconds", "timeoutSeconds"));

    static AgentForm blank() {
        return new AgentForm("", "", "sandbox:sandbox", AgentSettings.DEFAULT_TEMPERATURE, AgentSettings.DEFAULT_MAX_TOKENS,
                BigDecimal.ONE, "", "", Tone.PROFESSIONAL, Behavior.HELPFUL, LanguageStyle.CONCISE, "", List.of(),
                MemoryMode.NONE, 10, 4000, AgentSettings.DEFAULT_TIMEOUT_SECONDS);
    }

    static AgentForm of(AgentSettings s) {
        var m = s.modelConfig();
        var p = s.personality();
        return new AgentForm(s.name(), s.description(), m.provider() + ":" + m.model(), m.temperature(), m.maxTokens(),
                m.topP(), m.fallbackProvider() == null ? "" : m.fallbackProvider() + ":" + m.fallbackModel(),
                String.join(", ", p.traits()), p.tone(), p.behavior(), p.languageStyle(), s.instructions(), s.tools(),
                s.memory().mode(), s.memory().maxMessages(), s.memory().tokenBudget(),
                s.effectiveTimeoutSeconds());
    }

    AgentSettings toSettings() {
        String[] main = split(model);
        String[] back = split(fallback);
        List<String> traitList = traits == null || traits.isBlank() ? List.of()
                : Arrays.stream(traits.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new AgentSettings(name, description,
                new AgentSettings.ModelConfig(main[0], main[1], temperature, maxTokens, topP, back[0], back[1]),
                new AgentSettings.Personality(traitList, tone, behavior, languageStyle), instructions,
                tools == null ? List.of() : tools,
                new AgentSettings.Memory(memoryMode, memoryMaxMessages == null ? -1 : memoryMaxMessages,
                        memoryTokenBudget == null ? -1 : memoryTokenBudget),
                // The response cache is not built yet, so the form does not offer it and saves it off.
                false, timeoutSeconds == null ? -1 : timeoutSeconds);
    }

    private static String[] split(String value) {
        if (value == null || value.isBlank()) {
            return new String[] {null, null};
        }
        int colon = value.indexOf(':');
        return colon < 0 ? new String[] {value, null} : new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }
}
