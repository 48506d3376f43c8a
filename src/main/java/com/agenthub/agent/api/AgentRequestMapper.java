package com.agenthub.agent.api;

import com.agenthub.agent.AgentSettings;
import com.agenthub.agent.Behavior;
import com.agenthub.agent.LanguageStyle;
import com.agenthub.agent.MemoryMode;
import com.agenthub.agent.Tone;
import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelView;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a JSON body into settings: fields present in the body override {@code base} (defaults when
 * creating, the current settings when patching). Enum values are checked here, ranges by the service.
 */
@Component
class AgentRequestMapper {

    private final ModelCatalog catalog;

    AgentRequestMapper(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    static AgentSettings defaults() {
        return new AgentSettings(null, "", null,
                new AgentSettings.Personality(List.of(), Tone.PROFESSIONAL, Behavior.HELPFUL, LanguageStyle.CONCISE),
                "", List.of(), new AgentSettings.Memory(MemoryMode.NONE, 10, 4000), false);
    }

    AgentSettings forCreate(AgentJson.AgentRequest body) {
        if (body.modelConfig() == null || body.modelConfig().model() == null || body.modelConfig().model().isBlank()) {
            throw new ValidationFailedException(List.of(new FieldProblem("model_config.model", "Choose a model.")));
        }
        return merge(defaults(), body);
    }

    AgentSettings merge(AgentSettings base, AgentJson.AgentRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        AgentSettings.ModelConfig model = base.modelConfig();
        if (body.modelConfig() != null) {
            var m = body.modelConfig();
            String provider = m.provider() != null ? m.provider()
                    : m.model() != null && (model == null || !m.model().equals(model.model())) ? inferProvider(m.model(), problems)
                    : model == null ? null : model.provider();
            model = new AgentSettings.ModelConfig(provider,
                    pick(m.model(), model == null ? null : model.model()),
                    pick(m.temperature(), model == null ? AgentSettings.DEFAULT_TEMPERATURE : model.temperature()),
                    pick(m.maxTokens(), model == null ? AgentSettings.DEFAULT_MAX_TOKENS : model.maxTokens()),
                    pick(m.topP(), model == null ? BigDecimal.ONE : model.topP()),
                    pick(m.fallbackProvider(), model == null ? null : model.fallbackProvider()),
                    pick(m.fallbackModel(), model == null ? null : model.fallbackModel()));
        }
        AgentSettings.Personality personality = base.personality();
        if (body.personality() != null) {
            var p = body.personality();
            personality = new AgentSettings.Personality(pick(p.traits(), personality.traits()),
                    parse(Tone.class, p.tone(), personality.tone(), "personality.tone", problems),
                    parse(Behavior.class, p.behavior(), personality.behavior(), "personality.behavior", problems),
                    parse(LanguageStyle.class, p.languageStyle(), personality.languageStyle(),
                            "personality.language_style", problems));
        }
        AgentSettings.Memory memory = base.memory();
        if (body.memory() != null) {
            var m = body.memory();
            memory = new AgentSettings.Memory(parse(MemoryMode.class, m.mode(), memory.mode(), "memory.mode", problems),
                    pick(m.maxMessages(), memory.maxMessages()), pick(m.tokenBudget(), memory.tokenBudget()));
        }
        if (Boolean.TRUE.equals(body.cacheEnabled())) {
            problems.add(new FieldProblem("cache_enabled", "The response cache is not available yet."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new AgentSettings(pick(body.name(), base.name()), pick(body.description(), base.description()), model,
                personality, pick(body.instructions(), base.instructions()), pick(body.tools(), base.tools()), memory,
                base.cacheEnabled(), pick(body.timeoutSeconds(), base.timeoutSeconds()));
    }

    private String inferProvider(String modelId, List<FieldProblem> problems) {
        List<String> providers = catalog.all().stream().filter(m -> m.model().equals(modelId))
                .map(ModelView::provider).map(p -> p.id()).distinct().toList();
        if (providers.size() == 1) {
            return providers.get(0);
        }
        problems.add(new FieldProblem("model_config.provider", providers.isEmpty()
                ? "'" + (modelId.length() > 60 ? modelId.substring(0, 60) + "…" : modelId) + "' is not in the model catalog."
                : "Several providers offer this model; give model_config.provider."));
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field,
                                               List<FieldProblem> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "Use one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "."));
            return fallback;
        }
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
