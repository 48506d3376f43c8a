package com.agenthub.llm;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.stereotype.Service;

/** Streams a completion from any provider; never called inside a database transaction. */
@Service
public class LlmClient {

    private final ChatModels models;

    LlmClient(ChatModels models) {
        this.models = models;
    }

    /**
     * Blocks until the completion ends, handing each chunk of text to {@code onChunk} as it arrives.
     * The last streamed chunk carries the usage.
     */
    public Completion stream(ModelTarget target, List<ChatMessage> messages, Consumer<String> onChunk) {
        var model = models.get(target.provider(), target.model(), target.apiKey());
        Prompt prompt = new Prompt(messages.stream().map(LlmClient::toMessage).toList(), options(target));
        StringBuilder text = new StringBuilder();
        Usage[] usage = {null};
        try {
            model.stream(prompt).doOnNext(response -> {
                String chunk = chunkText(response);
                if (!chunk.isEmpty()) {
                    text.append(chunk);
                    onChunk.accept(chunk);
                }
                if (response.getMetadata() != null && response.getMetadata().getUsage() != null
                        && response.getMetadata().getUsage().getTotalTokens() != null
                        && response.getMetadata().getUsage().getTotalTokens() > 0) {
                    usage[0] = response.getMetadata().getUsage();
                }
            }).blockLast();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderFailures.translate(target.provider(), e);
        }
        String output = text.toString();
        if (usage[0] == null) {
            int input = messages.stream().mapToInt(m -> TokenEstimate.of(m.content())).sum();
            return new Completion(output, input, TokenEstimate.of(output), true, target.provider() == Provider.SANDBOX);
        }
        return new Completion(output, nullToZero(usage[0].getPromptTokens()), nullToZero(usage[0].getCompletionTokens()),
                false, target.provider() == Provider.SANDBOX);
    }

    /** A minimal call that proves the key and endpoint work. */
    public void check(ModelTarget target) {
        try {
            models.get(target.provider(), target.model(), target.apiKey())
                    .call(new Prompt(List.of(new UserMessage("Reply with OK.")), options(target)));
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderFailures.translate(target.provider(), e);
        }
    }

    private static ChatOptions options(ModelTarget target) {
        if (target.provider() == Provider.ANTHROPIC) {
            return AnthropicChatOptions.builder().model(target.model()).temperature(target.temperature())
                    .maxTokens(target.maxTokens()).build();
        }
        return OpenAiChatOptions.builder().model(target.model()).temperature(target.temperature())
                .maxTokens(target.maxTokens()).topP(target.topP()).streamUsage(true).build();
    }

    private static Message toMessage(ChatMessage message) {
        return switch (message.kind()) {
            case SYSTEM -> new SystemMessage(message.content());
            case USER -> new UserMessage(message.content());
            case ASSISTANT -> new AssistantMessage(message.content());
        };
    }

    private static String chunkText(ChatResponse response) {
        if (response.getResult() == null || response.getResult().getOutput() == null) {
            return "";
        }
        String text = response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
