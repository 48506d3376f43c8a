package com.agenthub.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide provider keys, from OPENAI_API_KEY, GROQ_API_KEY, ANTHROPIC_API_KEY and OPENAI_BASE_URL.
 * Empty means not configured.
 */
@ConfigurationProperties("agenthub.llm")
public record LlmProperties(String openaiApiKey, String groqApiKey, String anthropicApiKey, String openaiBaseUrl,
                            @DefaultValue("https://api.openai.com/v1") String openaiApiUrl,
                            @DefaultValue("https://api.groq.com/openai/v1") String groqApiUrl,
                            @DefaultValue("https://api.anthropic.com") String anthropicApiUrl,
                            // The longest one HTTP call may last. Runs close theirs at their own deadline (at most the
                            // plan's maximum run time), so this only backs that up; it must exceed every plan's maximum.
                            @DefaultValue("20m") java.time.Duration timeout,
                            // A provider silent this long mid-answer (or before it) is treated as hung.
                            @DefaultValue("30s") java.time.Duration idleTimeout,
                            @DefaultValue("30s") java.time.Duration circuitOpenFor,
                            // Calls to one model that may wait for the provider at once, per instance.
                            @DefaultValue("2000") int maxConcurrentCalls) {

    /** Where a provider's API is and the key to send, or null when the provider is not configured. */
    Endpoint endpoint(Provider provider) {
        if (!configured(provider)) {
            return null;
        }
        return switch (provider) {
            case OPENAI -> new Endpoint(openaiApiUrl, openaiApiKey);
            case GROQ -> new Endpoint(groqApiUrl, groqApiKey);
            case ANTHROPIC -> new Endpoint(anthropicApiUrl, anthropicApiKey);
            // A local server (Ollama, vLLM) usually wants no key: an empty one sends no Authorization header.
            case OPENAI_COMPATIBLE -> new Endpoint(openaiBaseUrl, present(openaiApiKey) ? openaiApiKey : "");
            case SANDBOX -> new Endpoint("sandbox", "");
        };
    }

    /** The provider's base URL with an organization's own key instead of the platform's. */
    Endpoint endpointWithKey(Provider provider, String apiKey) {
        return switch (provider) {
            case OPENAI -> new Endpoint(openaiApiUrl, apiKey);
            case GROQ -> new Endpoint(groqApiUrl, apiKey);
            case ANTHROPIC -> new Endpoint(anthropicApiUrl, apiKey);
            default -> endpoint(provider);
        };
    }

    record Endpoint(String baseUrl, String apiKey) {
    }

    boolean configured(Provider provider) {
        return switch (provider) {
            case SANDBOX -> true;
            case OPENAI -> present(openaiApiKey);
            case GROQ -> present(groqApiKey);
            case ANTHROPIC -> present(anthropicApiKey);
            case OPENAI_COMPATIBLE -> present(openaiBaseUrl);
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
