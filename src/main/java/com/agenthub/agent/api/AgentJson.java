package com.agenthub.agent.api;

import com.agenthub.agent.AgentView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The API's shapes for agents; property names become snake_case in JSON. */
final class AgentJson {

    private AgentJson() {
    }

    record AgentRequest(String name, String description, ModelConfig modelConfig, Personality personality,
                        String instructions, List<String> tools, Memory memory,
                        // Accepted only as false until the response cache exists; not documented meanwhile.
                        @Schema(hidden = true) Boolean cacheEnabled,
                        Integer timeoutSeconds) {
    }

    record ModelConfig(String provider, String model, BigDecimal temperature, Integer maxTokens, BigDecimal topP,
                       String fallbackProvider, String fallbackModel) {
    }

    record Personality(List<String> traits, String tone, String behavior, String languageStyle) {
    }

    record Memory(String mode, Integer maxMessages, Integer tokenBudget) {
    }

    record Metrics(long runs, Double successRate, Long avgTokens, BigDecimal avgCost, Long avgDurationMs,
                   Instant lastRunAt) {
    }

    record AgentResponse(UUID id, String name, String description, ModelConfig modelConfig, Personality personality,
                         String instructions, List<String> tools, Memory memory,
                         int timeoutSeconds, String status,
                         String systemPrompt, Instant createdAt, Instant updatedAt, Metrics metrics) {
    }

    record AgentList(List<AgentResponse> agents, long total, int limit, int offset) {
    }

    static AgentResponse of(AgentView view) {
        var s = view.settings();
        var m = s.modelConfig();
        var p = s.personality();
        var metrics = view.metrics();
        return new AgentResponse(view.id(), s.name(), s.description(),
                new ModelConfig(m.provider(), m.model(), m.temperature(), m.maxTokens(), m.topP(), m.fallbackProvider(),
                        m.fallbackModel()),
                new Personality(p.traits(), lower(p.tone()), lower(p.behavior()), lower(p.languageStyle())),
                s.instructions(), s.tools(),
                new Memory(lower(s.memory().mode()), s.memory().maxMessages(), s.memory().tokenBudget()),
                s.effectiveTimeoutSeconds(), lower(view.status()), view.systemPrompt(), view.createdAt(), view.updatedAt(),
                new Metrics(metrics.runs(), metrics.successRate(), metrics.avgTokens(), metrics.avgCost(),
                        metrics.avgDurationMs(), metrics.lastRunAt()));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
