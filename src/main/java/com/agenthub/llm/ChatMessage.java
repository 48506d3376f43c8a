package com.agenthub.llm;

/** One message of a conversation sent to a model. */
public record ChatMessage(Kind kind, String content) {

    public enum Kind { SYSTEM, USER, ASSISTANT }
}
