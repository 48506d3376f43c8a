package com.agenthub.llm;

/** A provider call that failed; {@code transient} failures (429, 5xx, network) may succeed when retried. */
public class ProviderException extends RuntimeException {

    private final boolean transientFailure;
    private boolean circuitOpen;
    private java.time.Duration retryAfter;
    private Completion partial;

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

    /** The provider's circuit breaker refused the call: it has been failing repeatedly. */
    public boolean isCircuitOpen() {
        return circuitOpen;
    }

    /** How long the provider asked callers to wait (its Retry-After header), or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    /** What the stream delivered before it failed (text and tokens to bill), or null. */
    public Completion partial() {
        return partial;
    }

    /** Something was streamed before the failure: the call cannot be retried without streaming it twice. */
    public boolean hasPartialOutput() {
        return partial != null && !partial.text().isEmpty();
    }

    ProviderException withPartial(Completion delivered) {
        if (this.partial == null) {
            this.partial = delivered;
        }
        return this;
    }

    ProviderException retryAfter(java.time.Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** The same failure, explained further. */
    public ProviderException withSuffix(String suffix) {
        ProviderException e = new ProviderException(getMessage() + suffix, transientFailure, this);
        e.circuitOpen = circuitOpen;
        e.retryAfter = retryAfter;
        e.partial = partial;
        return e;
    }

    static ProviderException circuitOpen(String message) {
        ProviderException e = new ProviderException(message, true);
        e.circuitOpen = true;
        return e;
    }
}
