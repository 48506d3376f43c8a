package com.agenthub.llm;

/**
 * Which model to call and with which sampling settings; {@code apiKey} is an organization's own key, or
 * null to use the platform's.
 */
public record ModelTarget(Provider provider, String model, double temperature, int maxTokens, double topP, String apiKey) {

    @Override
    public String toString() {
        return "ModelTarget[" + provider + "/" + model + (apiKey == null ? "" : ", own key") + "]"; // never the key
    }
}
