package com.agenthub.llm;

import java.io.IOException;
import java.util.Locale;

/** Turns an SDK failure into a clear message and says whether retrying could help. */
final class ProviderFailures {

    private ProviderFailures() {
    }

    static ProviderException translate(Provider provider, RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(e.getMessage()) + " " + String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String label = provider.label();
        if (lower.contains("401") || lower.contains("unauthorized") || lower.contains("invalid api key")) {
            return new ProviderException(label + " rejected the API key (401).", false, e);
        }
        if (lower.contains("429") || lower.contains("rate limit")) {
            return new ProviderException(label + " is rate limiting requests (429).", true, e);
        }
        if (lower.matches("(?s).*\\b5\\d\\d\\b.*") || lower.contains("internal server error")
                || lower.contains("bad gateway") || lower.contains("service unavailable")) {
            return new ProviderException(label + " had a server error.", true, e);
        }
        if (cause instanceof IOException || lower.contains("timeout") || lower.contains("timed out")
                || lower.contains("connection")) {
            return new ProviderException(label + " could not be reached: " + abbreviate(cause.getMessage()), true, e);
        }
        if (lower.contains("400") || lower.contains("bad request")) {
            return new ProviderException(label + " refused the request (400): " + abbreviate(e.getMessage()), false, e);
        }
        return new ProviderException(label + " call failed: " + abbreviate(e.getMessage()), false, e);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "no details";
        }
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }
}
