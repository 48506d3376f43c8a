package com.agenthub.llm;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * What a stream has delivered so far: text, the usage the provider reported, whether it said the answer is
 * complete (a finish reason), and a pending tool request. Whatever ends the stream, the text and tokens so far
 * can be billed.
 */
final class StreamedAnswer {

    private final StringBuilder text = new StringBuilder();
    private int inputTokens;
    private int outputTokens;
    private boolean reported;
    private boolean finished;
    private ChatResponse toolRequest;

    void startRound() {
        finished = false;
        toolRequest = null;
    }

    void add(ChatResponse response, Consumer<String> onChunk) {
        String chunk = chunkText(response);
        if (!chunk.isEmpty()) {
            text.append(chunk);
            onChunk.accept(chunk);
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        if (usage != null && usage.getTotalTokens() != null && usage.getTotalTokens() > 0) {
            inputTokens += nullToZero(usage.getPromptTokens());
            outputTokens += nullToZero(usage.getCompletionTokens());
            reported = true;
        }
        if (response.getResults() != null && response.getResults().stream().anyMatch(StreamedAnswer::hasFinishReason)) {
            finished = true;
        }
        if (response.hasToolCalls()) {
            toolRequest = response;
        }
    }

    ChatResponse toolRequest() {
        return toolRequest;
    }

    boolean finished() {
        return finished;
    }

    boolean reported() {
        return reported;
    }

    Completion completion(ModelTarget target, List<ChatMessage> messages, boolean stopped) {
        String output = text.toString();
        boolean simulated = target.provider() == Provider.SANDBOX;
        if (!reported) {
            int input = messages.stream().mapToInt(m -> TokenEstimate.of(m.content())).sum();
            return new Completion(output, input, TokenEstimate.of(output), true, simulated, stopped);
        }
        return new Completion(output, inputTokens, outputTokens, false, simulated, stopped);
    }

    private static boolean hasFinishReason(org.springframework.ai.chat.model.Generation generation) {
        var metadata = generation.getMetadata();
        String reason = metadata == null ? null : metadata.getFinishReason();
        // Spring AI gives chunks without a finish reason the OpenAI SDK's "unknown" value.
        return reason != null && !reason.isBlank() && !reason.equalsIgnoreCase("_UNKNOWN") && !reason.equalsIgnoreCase("null");
    }

    private static String chunkText(ChatResponse response) {
        if (response.getResult() == null || response.getResult().getOutput() == null) {
            return "";
        }
        String value = response.getResult().getOutput().getText();
        return value == null ? "" : value;
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
