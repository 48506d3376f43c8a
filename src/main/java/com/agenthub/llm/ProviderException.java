package com.agenthub.llm;

/** A provider call that failed; {@code transient} failures (429, 5xx, network) may succeed when retried. */
public class ProviderException extends RuntimeException {

    private final boolean transientFailure;

    public ProviderException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public ProviderException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
