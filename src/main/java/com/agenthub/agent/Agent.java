package com.agenthub.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agents")
class Agent {

    @Id
    private UUID id;
    private UUID orgId;
    private String name;
    private String description;
    private String provider;
    private String model;
    private BigDecimal temperature;
    private int maxTokens;
    @Column(name = "top_p")
    private BigDecimal topP;
    private String fallbackProvider;
    private String fallbackModel;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] traits;
    @Enumerated(EnumType.STRING)
    private Tone tone;
    @Enumerated(EnumType.STRING)
    private Behavior behavior;
    @Enumerated(EnumType.STRING)
    private LanguageStyle languageStyle;
    private String instructions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] tools;
    @Enumerated(EnumType.STRING)
    private MemoryMode memoryMode;
    private int memoryMaxMessages;
    private int memoryTokenBudget;
    private boolean cacheEnabled;
    private int timeoutSeconds;
    // Status and the run counters have one writer, SQL (AgentRuntime, AgentService.setOnline): finishing runs update
    // them while an agent is edited, and a save of this entity would write stale values back.
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    private AgentStatus status;
    private UUID createdBy;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Column(insertable = false, updatable = false)
    private long runs;
    @Column(insertable = false, updatable = false)
    private long successes;
    @Column(insertable = false, updatable = false)
    private long totalTokens;
    @Column(insertable = false, updatable = false)
    private BigDecimal totalCost;
    @Column(insertable = false, updatable = false)
    private long totalDurationMs;
    @Column(insertable = false, updatable = false)
    private Instant lastRunAt;
    @Version
    private Long version;

    protected Agent() {
    }

    Agent(UUID orgId, UUID createdBy, AgentSettings settings) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.createdBy = createdBy;
        this.status = AgentStatus.IDLE;
        this.createdAt = Instant.now();
        this.totalCost = BigDecimal.ZERO;
        apply(settings);
    }

    void apply(AgentSettings s) {
        var m = s.modelConfig();
        var p = s.personality();
        this.name = s.name().strip();
        this.description = s.description() == null ? "" : s.description().strip();
        this.provider = m.provider();
        this.model = m.model();
        this.temperature = m.temperature();
        this.maxTokens = m.maxTokens();
        this.topP = m.topP();
        this.fallbackProvider = blankToNull(m.fallbackProvider());
        this.fallbackModel = blankToNull(m.fallbackModel());
        this.traits = p.traits().stream().map(String::strip).toArray(String[]::new);
        this.tone = p.tone();
        this.behavior = p.behavior();
        this.languageStyle = p.languageStyle();
        this.instructions = s.instructions() == null ? "" : s.instructions();
        this.tools = s.tools().toArray(String[]::new);
        this.memoryMode = s.memory().mode();
        this.memoryMaxMessages = s.memory().maxMessages();
        this.memoryTokenBudget = s.memory().tokenBudget();
        this.cacheEnabled = s.cacheEnabled();
        this.timeoutSeconds = s.effectiveTimeoutSeconds();
        this.updatedAt = Instant.now();
    }

    void delete() {
        this.deletedAt = Instant.now();
    }

    boolean deleted() {
        return deletedAt != null;
    }

    UUID id() {
        return id;
    }

    UUID orgId() {
        return orgId;
    }

    AgentSettings settings() {
        return new AgentSettings(name, description,
                new AgentSettings.ModelConfig(provider, model, temperature, maxTokens, topP, fallbackProvider, fallbackModel),
                new AgentSettings.Personality(List.of(traits), tone, behavior, languageStyle),
                instructions, List.of(tools), new AgentSettings.Memory(memoryMode, memoryMaxMessages, memoryTokenBudget),
                cacheEnabled, timeoutSeconds);
    }

    AgentView toView() {
        AgentSettings settings = settings();
        return new AgentView(id, settings, status, createdBy, createdAt, updatedAt,
                new AgentMetrics(runs, successes, totalTokens, totalCost, totalDurationMs, lastRunAt),
                SystemPrompt.of(settings));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
