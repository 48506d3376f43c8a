package com.agenthub.agent;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/** Valid agent settings to start from; tests change only what they are about. */
public final class AgentMother {

    private AgentMother() {
    }

    public static AgentSettings settings(String name) {
        return new AgentSettings(name, "Helps with tests",
                new AgentSettings.ModelConfig("sandbox", "sandbox", new BigDecimal("0.70"), 1024, BigDecimal.ONE, null, null),
                new AgentSettings.Personality(List.of("friendly"), Tone.PROFESSIONAL, Behavior.HELPFUL, LanguageStyle.CONCISE),
                "Answer briefly.", List.of("calculator"), new AgentSettings.Memory(MemoryMode.PER_AGENT, 10, 4000), false);
    }

    /** On OpenAI's gpt-4o-mini, which the tests' fake provider answers for. */
    public static AgentSettings onFakeOpenAi(String name) {
        return withModel(settings(name), m -> new AgentSettings.ModelConfig("openai", "gpt-4o-mini", m.temperature(), 1000,
                m.topP(), null, null));
    }

    public static AgentSettings withModel(AgentSettings s, UnaryOperator<AgentSettings.ModelConfig> change) {
        return new AgentSettings(s.name(), s.description(), change.apply(s.modelConfig()), s.personality(),
                s.instructions(), s.tools(), s.memory(), s.cacheEnabled());
    }
}
