package com.agenthub.llm;

/**
 * A finished completion. When the provider reports no usage, tokens are estimated (about four characters
 * a token) and {@code usageEstimated} says so. {@code stopped} means the stream was cut short on request
 * (cancel, deadline): the text is what had arrived.
 */
public record Completion(String text, int inputTokens, int outputTokens, boolean usageEstimated, boolean simulated,
                         boolean stopped) {
}
