package com.agenthub.llm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return new ProviderException(provider.label() + " stopped responding (nothing received in time).", true, e);
        }
        String message = String.valueOf(e.getMessage()) + " " + String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String label = provider.label();
        if (lower.contains("401") || lower.contains("unauthorized") || lower.contains("invalid api key")) {
            return new ProviderException(label + " rejected the API key (401).", false, e);
        }
        if (lower.contains("429") || lower.contains("rate limit")) {
            Duration retryAfter = retryAfter(e);
            return new ProviderException(label + " is rate limiting requests (429"
                    + (retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + " ms") + ").", true, e)
                    .retryAfter(retryAfter);
        }
        if (lower.matches("(?s).*\\b5\\d\\d\\b.*") || lower.contains("internal server error")
                || lower.contains("bad gateway") || lower.contains("service unavailable")) {
            return new ProviderException(label + " had a server error.", true, e);
        }
        if (cause.getClass().getName().contains("Json") || cause.getClass().getName().contains("Jackson")) {
            return new ProviderException(label + " sent a response that could not be read: " + abbreviate(cause.getMessage()), true, e);
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

    /** The wait the provider asked for ({@code retry-after-ms}, or {@code retry-after} in seconds or as a date). */
    static Duration retryAfter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.function.Function<String, List<String>> header =
                    t instanceof com.openai.errors.OpenAIServiceException o ? o.headers()::values
                    : t instanceof com.anthropic.errors.AnthropicServiceException a ? a.headers()::values : null;
            if (header != null) {
                return parseRetryAfter(first(header.apply("retry-after-ms")), first(header.apply("retry-after")));
            }
        }
        return null;
    }

    static Duration parseRetryAfter(String millis, String value) {
        try {
            if (millis != null) {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.strip())));
            }
            if (value == null) {
                return null;
            }
            if (value.strip().matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
            }
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), at);
        } catch (RuntimeException unreadable) {
            return null; // an unreadable header is ignored: the backoff applies
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "no details";
        }
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }
}
