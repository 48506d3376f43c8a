package com.agenthub.llm;

/** Which model to call and with which sampling settings. */
public record ModelTarget(Provider provider, String model, double temperature, int maxTokens, double topP) {
}
