package com.agenthub.llm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
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

    /**
     * The SDK reports the error of a connection we closed after the stream was already cancelled; Reactor would
     * log it as a dropped error with a stack trace. It is expected, so it is dropped quietly.
     */
    private static final Context QUIET_AFTER_CANCEL = Context.of("reactor.onErrorDropped.local",
            (Consumer<Throwable>) dropped -> { });

    private final ChatModels models;
    private final ProviderCircuits circuits;
    private final ProviderCalls calls;
    private final java.time.Duration idleTimeout;

    LlmClient(ChatModels models, ProviderCircuits circuits, ProviderCalls calls, LlmProperties properties) {
        this.idleTimeout = properties.idleTimeout();
        this.models = models;
        this.circuits = circuits;
        this.calls = calls;
    }

    /**
     * Blocks until the completion ends, handing each chunk of text to {@code onChunk} as it arrives.
     * The last streamed chunk carries the usage.
     */
    public Completion stream(ModelTarget target, List<ChatMessage> messages, Consumer<String> onChunk) {
        return stream(target, messages, List.of(), onChunk, Mono.never(), true);
    }

    /**
     * With tools the model may call: each round of tool calls is executed here and its results sent back.
     * {@code lastAttempt} says no retry follows a transient failure, so the circuit breaker counts it.
     */
    public Completion stream(ModelTarget target, List<ChatMessage> messages, List<ToolCallback> tools,
                             Consumer<String> onChunk, Mono<?> stop, boolean lastAttempt) {
        return circuits.call(target.provider(), target.apiKey(), lastAttempt,
                () -> streamOnce(target, messages, tools, onChunk, stop));
    }

    private Completion streamOnce(ModelTarget target, List<ChatMessage> messages, List<ToolCallback> tools,
                                  Consumer<String> onChunk, Mono<?> stop) {
        AtomicBoolean stopped = new AtomicBoolean();
        String callId = calls.open();
        // Closes the HTTP connection the moment the run stops, even while the SDK is still reading it.
        Disposable closeOnStop = stop.subscribe(signal -> {
            stopped.set(true);
            calls.cancel(callId);
        }, error -> { });
        Mono<?> stopSignal = stop.cache();
        var model = models.get(target.provider(), target.model(), target.apiKey());
        Prompt prompt = new Prompt(messages.stream().map(LlmClient::toMessage).toList(), options(target, tools, callId));
        StreamedAnswer answer = new StreamedAnswer();
        boolean complete = false;
        try {
            for (int round = 0; round < MAX_TOOL_ROUNDS; round++) {
                answer.startRound();
                model.stream(prompt).timeout(idleTimeout).takeUntilOther(stopSignal)
                        .doOnNext(response -> answer.add(response, onChunk))
                        .contextWrite(QUIET_AFTER_CANCEL)
                        .blockLast();
                if (answer.toolRequest() == null || tools.isEmpty() || stopped.get()) {
                    break;
                }
                ToolExecutionResult executed = TOOL_CALLING.executeToolCalls(prompt, answer.toolRequest());
                prompt = new Prompt(executed.conversationHistory(), prompt.getOptions());
            }
            if (!stopped.get() && !answer.finished()) {
                throw new ProviderException(target.provider().label() + " ended the answer before it was complete ("
                        + (answer.reported() ? "no finish reason" : "no finish reason and no usage") + ").", true);
            }
            complete = true;
        } catch (RuntimeException e) {
            if (stopped.get()) {
                return answer.completion(target, messages, true); // the error is our own close of the connection
            }
            ProviderException failure = e instanceof ProviderException p ? p
                    : ProviderFailures.translate(target.provider(), e, idleTimeout);
            throw failure.withPartial(answer.completion(target, messages, false));
        } finally {
            closeOnStop.dispose();
            if (!complete) {
                calls.cancel(callId); // a timed-out or broken stream is closed before any retry opens another
            }
            calls.release(callId);
        }
        return answer.completion(target, messages, stopped.get());
    }

    /** A minimal call that proves the key and endpoint work. */
    public void check(ModelTarget target) {
        String callId = calls.open();
        Disposable deadline = Mono.delay(idleTimeout).subscribe(tick -> calls.cancel(callId));
        try {
            models.get(target.provider(), target.model(), target.apiKey())
                    .call(new Prompt(List.of(new UserMessage("Reply with OK.")), options(target, List.of(), callId)));
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProviderFailures.translate(target.provider(), e, idleTimeout);
        } finally {
            deadline.dispose();
            calls.release(callId);
        }
    }

    private static ChatOptions options(ModelTarget target, List<ToolCallback> tools, String callId) {
        Map<String, String> header = Map.of(ProviderCalls.HEADER, callId);
        if (target.provider() == Provider.ANTHROPIC) {
            return AnthropicChatOptions.builder().model(target.model()).temperature(target.temperature())
                    .maxTokens(target.maxTokens()).toolCallbacks(tools).httpHeaders(header).build();
        }
        return OpenAiChatOptions.builder().model(target.model()).temperature(target.temperature())
                .maxTokens(target.maxTokens()).topP(target.topP()).streamUsage(true).toolCallbacks(tools)
                .customHeaders(header).build();
    }

    private static Message toMessage(ChatMessage message) {
        return switch (message.kind()) {
            case SYSTEM -> new SystemMessage(message.content());
            case USER -> new UserMessage(message.content());
            case ASSISTANT -> new AssistantMessage(message.content());
        };
    }

}
