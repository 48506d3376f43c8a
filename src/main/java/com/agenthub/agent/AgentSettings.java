package com.agenthub.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Everything an admin configures on an agent; the service validates it as a whole. */
public record AgentSettings(
        @NotBlank(message = "Give the agent a name.")
        @Size(max = 100, message = "Names are up to 100 characters.") String name,
        @Size(max = 1000, message = "Descriptions are up to 1,000 characters.") String description,
        @NotNull(message = "Choose a model.") @Valid ModelConfig modelConfig,
        @NotNull(message = "Describe a personality.") @Valid Personality personality,
        @Size(max = 20000, message = "Instructions are up to 20,000 characters.") String instructions,
        @NotNull @Size(max = 10, message = "Up to 10 tools.") List<String> tools,
        @NotNull(message = "Choose a memory policy.") @Valid Memory memory,
        boolean cacheEnabled,
        @jakarta.validation.constraints.Min(value = 5, message = "The timeout is from 5 seconds up.")
        @jakarta.validation.constraints.Max(value = 3600, message = "The timeout is at most 3,600 seconds.") Integer timeoutSeconds) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /** Settings with the default run timeout. */
    public AgentSettings(String name, String description, ModelConfig modelConfig, Personality personality,
                         String instructions, List<String> tools, Memory memory, boolean cacheEnabled) {
        this(name, description, modelConfig, personality, instructions, tools, memory, cacheEnabled, null);
    }

    /** The run timeout in seconds, the default when none is set. */
    public int effectiveTimeoutSeconds() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    public static final BigDecimal DEFAULT_TEMPERATURE = new BigDecimal("0.70");
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public record ModelConfig(
            @NotBlank(message = "Choose a provider.") String provider,
            @NotBlank(message = "Choose a model.") String model,
            @NotNull(message = "Set a temperature from 0 to 2.")
            @DecimalMin(value = "0", message = "Temperature is from 0 to 2.")
            @DecimalMax(value = "2", message = "Temperature is from 0 to 2.") BigDecimal temperature,
            @NotNull(message = "Set the maximum tokens.")
            @Min(value = 1, message = "Max tokens is from 1 to 200,000.")
            @Max(value = 200000, message = "Max tokens is from 1 to 200,000.") Integer maxTokens,
            @NotNull(message = "Set top-p from 0 to 1.")
            @DecimalMin(value = "0", message = "Top-p is from 0 to 1.")
            @DecimalMax(value = "1", message = "Top-p is from 0 to 1.") BigDecimal topP,
            String fallbackProvider,
            String fallbackModel) {
    }

    public record Personality(
            @NotNull @Size(max = 10, message = "Up to 10 traits.")
            List<@NotBlank(message = "Traits cannot be blank.") @Size(max = 40, message = "Traits are up to 40 characters.") String> traits,
            @NotNull(message = "Choose a tone.") Tone tone,
            @NotNull(message = "Choose a behavior.") Behavior behavior,
            @NotNull(message = "Choose a language style.") LanguageStyle languageStyle) {
    }

    public record Memory(
            @NotNull(message = "Choose a memory mode.") MemoryMode mode,
            @Min(value = 0, message = "Max messages is from 0 to 200.")
            @Max(value = 200, message = "Max messages is from 0 to 200.") int maxMessages,
            @Min(value = 0, message = "The token budget is from 0 to 200,000.")
            @Max(value = 200000, message = "The token budget is from 0 to 200,000.") int tokenBudget) {
    }
}
