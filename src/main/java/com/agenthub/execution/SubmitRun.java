package com.agenthub.execution;

/** A request to run an agent; {@code contextJson} is a JSON object or null. */
public record SubmitRun(String task, String contextJson, Integer maxTokens) {
}
