package com.agenthub.llm;

/**
 * A finished completion. When the provider reports no usage, tokens are estimated (about four characters
 * a token) and {@code usageEstimated} says so.
 */
public record Completion(String text, int inputTokens, int outputTokens, boolean usageEstimated, boolean simulated) {
}
