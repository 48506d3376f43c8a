package com.agenthub.execution;

import java.time.Instant;

public record ExecutionEventView(String kind, String message, Instant at) {
}
