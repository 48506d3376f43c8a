package com.agenthub.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
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
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.stereotype.Service;

/** Streams a completion from any provider; never called inside a database transaction. */
@Service
public class LlmClient {

    /** Spring AI 2's chat models leave tool execution to the caller; a model asking endlessly is cut off. */
    static final int MAX_TOOL_ROUNDS = 5;
    private static final ToolCallingManager TOOL_CALLING = ToolCallingManager.builder().build();

    private final ChatModels models;
    private final ProviderCircuits circuits;
    private final java.time.Duration idleTimeout;

    LlmClient(ChatModels models, ProviderCircuits circuits, LlmProperties properties) {
        this.idleTimeout = properties.idleTimeout();
        this.models = models;
        this.circuits = circuits;
    }

    /**
     * Blocks until the completion ends, handing each chunk of text to {@code onChunk} as it arrives.
     * The last streamed chunk carries the usage.
     */
    public Completion stream(ModelTarget target, List<ChatMessage> messages, Consumer<String> onChunk) {
        return stream(target, messages, List.of(), onChunk, Mono.never());
    }

    /** With tools the model may call: each round of tool calls is executed here and its results sent back. */
    public Completion stream(ModelTarget target, List<ChatMessage> messages, List<ToolCallback> tools,
                             Consumer<String> onChunk, Mono<?> stop) {
        return circuits.call(target.provider(), target.apiKey(), () -> streamOnce(target, messages, tools, onChunk, stop));
    }

    private Completion streamOnce(ModelTarget target, List<ChatMessage> messages, List<ToolCallback> tools,
                                  Consumer<String> onChunk, Mono<?> stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        Mono<?> stopSignal = stop.doOnNext(signal -> stopped.set(true)).cache();
        var model = models.get(target.provider(), target.model(), target.apiKey());
        Prompt prompt = new Prompt(messages.stream().map(LlmClient::toMessage).toList(), options(target, tools));
        StringBuilder text = new StringBuilder();
        int[] tokens = {0, 0};
        boolean[] reported = {false};
        try {
            for (int round = 0; round < MAX_TOOL_ROUNDS; round++) {
                ChatResponse[] toolRequest = {null};
                model.stream(prompt).timeout(idleTimeout).takeUntilOther(stopSignal).doOnNext(response -> {
                    String chunk = chunkText(response);
                    if (!chunk.isEmpty()) {
                        text.append(chunk);
                        onChunk.accept(chunk);
                    }
                    Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
                    if (usage != null && usage.getTotalTokens() != null && usage.getTotalTokens() > 0) {
                        tokens[0] += nullToZero(usage.getPromptTokens());
                        tokens[1] += nullToZero(usage.getCompletionTokens());
                        reported[0] = true;
                    }
                    if (response.hasToolCalls()) {
                        toolRequest[0] = response;
                    }
                }).blockLast();
                if (toolRequest[0] == null || tools.isEmpty() || stopped.get()) {
                    break;
                }
                ToolExecutionResult executed = TOOL_CALLING.executeToolCalls(prompt, toolRequest[0]);
                prompt = new Prompt(executed.conversationHistory(), prompt.getOptions());
            }
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderFailures.translate(target.provider(), e);
        }
        String output = text.toString();
        boolean simulated = target.provider() == Provider.SANDBOX;
        if (!reported[0]) {
            int input = messages.stream().mapToInt(m -> TokenEstimate.of(m.content())).sum();
            return new Completion(output, input, TokenEstimate.of(output), true, simulated, stopped.get());
        }
        return new Completion(output, tokens[0], tokens[1], false, simulated, stopped.get());
    }

    /** A minimal call that proves the key and endpoint work. */
    public void check(ModelTarget target) {
        try {
            models.get(target.provider(), target.model(), target.apiKey())
                    .call(new Prompt(List.of(new UserMessage("Reply with OK.")), options(target, List.of())));
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderFailures.translate(target.provider(), e);
        }
    }

    private static ChatOptions options(ModelTarget target, List<ToolCallback> tools) {
        if (target.provider() == Provider.ANTHROPIC) {
            return AnthropicChatOptions.builder().model(target.model()).temperature(target.temperature())
                    .maxTokens(target.maxTokens()).toolCallbacks(tools).build();
        }
        return OpenAiChatOptions.builder().model(target.model()).temperature(target.temperature())
                .maxTokens(target.maxTokens()).topP(target.topP()).streamUsage(true).toolCallbacks(tools).build();
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
