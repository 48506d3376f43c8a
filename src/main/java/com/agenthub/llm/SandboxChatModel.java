package com.agenthub.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * The built-in model for trying AgentHub without any provider key. It answers deterministically from the
 * prompt, streams in small chunks with a little latency, reports token usage, and labels its answers as
 * simulated. It goes through the same {@link ChatModel} abstraction as the real providers.
 */
final class SandboxChatModel implements ChatModel {

    static final String LABEL = "Simulated answer from the sandbox model: no real LLM was called.";
    private static final Duration CHUNK_DELAY = Duration.ofMillis(15);

    @Override
    public ChatResponse call(Prompt prompt) {
        String text = answer(prompt);
        return response(text, usage(prompt, text));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        String text = answer(prompt);
        List<String> chunks = chunks(text);
        DefaultUsage usage = usage(prompt, text);
        return Flux.fromIterable(chunks)
                .delayElements(CHUNK_DELAY)
                .map(chunk -> response(chunk, null))
                .concatWith(Flux.just(response("", usage)));
    }

    static String answer(Prompt prompt) {
        String system = text(prompt, MessageType.SYSTEM);
        String task = lastUser(prompt);
        String name = system.startsWith("You are ") && system.indexOf('.') > 8
                ? system.substring(8, system.indexOf('.')) : "the agent";
        String request = fullLastUser(prompt);
        if (request.contains(JSON_REQUESTED)) { // a team member's structured output: a plan or a vote
            String played = SandboxTeamPlay.structured(name, task, request);
            if (played != null) {
                return played;
            }
        }
        int seed = Math.abs(task.hashCode());
        String[] openings = {"Here is how I would approach this", "A short plan for this", "My take on this"};
        String[] steps = {"clarify the goal and who it is for", "gather the facts that matter",
                "draft a first answer", "check it against the instructions", "list open questions"};
        StringBuilder out = new StringBuilder();
        out.append("> ").append(LABEL).append("\n\n");
        out.append("**").append(name).append("** received: *").append(abbreviate(task, 160)).append("*\n\n");
        out.append(openings[seed % openings.length]).append(":\n\n");
        for (int i = 0; i < 3; i++) {
            out.append(i + 1).append(". ").append(capitalize(steps[(seed / 7 + i) % steps.length])).append(".\n");
        }
        out.append("\nConfigure a provider key to get real answers.");
        return out.toString();
    }

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        String[] words = text.split("(?<= )");
        StringBuilder chunk = new StringBuilder();
        for (String word : words) {
            chunk.append(word);
            if (chunk.length() >= 12) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    private static DefaultUsage usage(Prompt prompt, String answer) {
        int input = TokenEstimate.of(prompt.getInstructions().stream().map(Message::getText).collect(Collectors.joining("\n")));
        return new DefaultUsage(input, TokenEstimate.of(answer));
    }

    private static ChatResponse response(String text, DefaultUsage usage) {
        var metadata = ChatResponseMetadata.builder().model("sandbox");
        if (usage != null) {
            metadata.usage(usage);
        }
        // The last chunk, with the usage, says the answer is complete, as real providers do.
        var generation = usage == null ? new Generation(new AssistantMessage(text)) : new Generation(new AssistantMessage(text),
                org.springframework.ai.chat.metadata.ChatGenerationMetadata.builder().finishReason("STOP").build());
        return new ChatResponse(List.of(generation), metadata.build());
    }

    private static String text(Prompt prompt, MessageType type) {
        return prompt.getInstructions().stream().filter(m -> m.getMessageType() == type).map(Message::getText)
                .collect(Collectors.joining("\n"));
    }

    private static String lastUser(Prompt prompt) {
        return fullLastUser(prompt).lines().findFirst().orElse("");
    }

    /** What Spring AI's structured output converters put in a prompt. */
    private static final String JSON_REQUESTED = "Your response should be in JSON format.";

    private static String fullLastUser(Prompt prompt) {
        String last = "";
        for (Message message : prompt.getInstructions()) {
            if (message.getMessageType() == MessageType.USER) {
                last = message.getText();
            }
        }
        return last;
    }

    private static String abbreviate(String value, int max) {
        String flat = value.replaceAll("[*_`>#\\[\\]]", "").strip();
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }

    private static String capitalize(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
