package com.agenthub.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform-wide provider keys, from OPENAI_API_KEY, GROQ_API_KEY, ANTHROPIC_API_KEY and OPENAI_BASE_URL.
 * Empty means not configured.
 */
@ConfigurationProperties("agenthub.llm")
public record LlmProperties(String openaiApiKey, String groqApiKey, String anthropicApiKey, String openaiBaseUrl) {

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
