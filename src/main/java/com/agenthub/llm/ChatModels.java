package com.agenthub.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place that builds Spring AI chat models. Each owns an HTTP client pool, so one is built per
 * provider, base URL, key and model, and reused. Organizations' own keys make that set open-ended, so the
 * cache is bounded and forgets models not used for an hour.
 */
@Component
class ChatModels {

    private final LlmProperties properties;
    private final Cache<Key, ChatModel> cache = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final ChatModel sandbox = new SandboxChatModel();

    private final Environment environment;
    private final ProviderCalls calls;

    ChatModels(LlmProperties properties, Environment environment, ProviderCalls calls) {
        this.properties = properties;
        this.environment = environment;
        this.calls = calls;
    }

    private record Key(Provider provider, String baseUrl, String apiKey, String model) {
        @Override
        public String toString() {
            return provider + "/" + model + "@" + baseUrl; // never the key
        }
    }

    ChatModel get(Provider provider, String model, String ownKey) {
        if (provider == Provider.SANDBOX) {
            return sandbox;
        }
        LlmProperties.Endpoint endpoint = ownKey != null ? properties.endpointWithKey(provider, ownKey)
                : properties.endpoint(provider);
        if (endpoint == null) {
            throw new ProviderException("No " + provider.label() + " key is configured (" + provider.setting() + ").", false);
        }
        return cache.get(new Key(provider, endpoint.baseUrl(), endpoint.apiKey(), model), this::build);
    }

    private ChatModel build(Key key) {
        if (key.provider() == Provider.ANTHROPIC) {
            return AnthropicChatModel.builder()
                    .httpClientBuilderCustomizer(http -> http.interceptor(calls.interceptor()).timeout(properties.timeout()))
                    .options(AnthropicChatOptions.builder().baseUrl(key.baseUrl()).apiKey(key.apiKey())
                            .model(key.model()).maxRetries(0).timeout(properties.timeout()).build())
                    .build();
        }
        // OpenAI, Groq and any OpenAI-compatible server speak the same protocol at their own base URL.
        return OpenAiClients.chatModel(key.baseUrl(), key.apiKey(), key.model(), properties.timeout(),
                properties.maxConcurrentCalls(), environment, calls.interceptor());
    }
}
