package com.agenthub.execution;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where the next page starts: the (created_at, id) of the last row shown. Encoded for URLs. */
public record ExecutionCursor(Instant createdAt, UUID id) {

    public String encode() {
        return createdAt.toString() + "_" + id;
    }

    public static Optional<ExecutionCursor> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            int split = text.lastIndexOf('_');
            return Optional.of(new ExecutionCursor(Instant.parse(text.substring(0, split)), UUID.fromString(text.substring(split + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
