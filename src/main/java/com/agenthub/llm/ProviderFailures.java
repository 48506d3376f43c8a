package com.agenthub.llm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Turns an SDK failure into a clear message and says whether retrying could help. */
final class ProviderFailures {

    private ProviderFailures() {
    }

    /**
     * Classified by the SDKs' typed exceptions and the HTTP status, never by searching messages: 408, 409, 429 and
     * 5xx are the provider's weather and may pass on a retry; other statuses are a refusal of this request or key,
     * which retrying cannot change.
     */
    static ProviderException translate(Provider provider, RuntimeException e, Duration idleTimeout) {
        String label = provider.label();
        Integer status = statusCode(e);
        if (status != null) {
            return forStatus(label, status, e);
        }
        if (has(e, java.util.concurrent.TimeoutException.class)) {
            return new ProviderException(label + " stopped responding: nothing arrived for "
                    + idleTimeout.toSeconds() + " s.", true, e);
        }
        if (has(e, com.openai.errors.OpenAIInvalidDataException.class)
                || has(e, com.anthropic.errors.AnthropicInvalidDataException.class)
                || has(e, tools.jackson.core.JacksonException.class)) {
            return new ProviderException(label + " sent a response that could not be read.", true, e);
        }
        if (has(e, java.net.ConnectException.class)) {
            return new ProviderException(label + " refused the connection (is it running at the configured address?).", true, e);
        }
        if (has(e, java.net.UnknownHostException.class)) {
            return new ProviderException(label + "'s address could not be resolved.", true, e);
        }
        if (has(e, java.net.SocketTimeoutException.class)) {
            return new ProviderException(label + " did not answer in time.", true, e);
        }
        if (has(e, java.io.EOFException.class) || has(e, java.net.ProtocolException.class)) {
            return new ProviderException(label + " closed the connection before its answer was complete.", true, e);
        }
        if (has(e, IOException.class) || has(e, com.openai.errors.OpenAIIoException.class)
                || has(e, com.anthropic.errors.AnthropicIoException.class)) {
            return new ProviderException(label + " connection failed: " + describe(e) + ".", true, e);
        }
        return new ProviderException(label + " call failed: " + describe(e) + ".", false, e);
    }

    private static ProviderException forStatus(String label, int status, RuntimeException e) {
        if (status == 429) {
            Duration retryAfter = retryAfter(e);
            return new ProviderException(label + " is rate limiting requests (429"
                    + (retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + " ms") + ").", true, e)
                    .retryAfter(retryAfter);
        }
        if (status == 401 || status == 403) {
            return new ProviderException(label + " rejected the API key (" + status + ").", false, e);
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new ProviderException(label + " had a server error (" + status + ").", true, e)
                    .retryAfter(retryAfter(e));
        }
        return new ProviderException(label + " refused the request (" + status + "): " + describe(e) + ".", false, e);
    }

    /** The HTTP status of an SDK service exception anywhere in the chain (an error event mid-stream included). */
    private static Integer statusCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.openai.errors.OpenAIServiceException o && o.statusCode() > 0) {
                return o.statusCode();
            }
            if (t instanceof com.anthropic.errors.AnthropicServiceException a && a.statusCode() > 0) {
                return a.statusCode();
            }
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message that says something, else the exception's kind. */
    private static String describe(Throwable e) {
        String described = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                described = t.getMessage();
            }
            if (t.getCause() == null && described == null) {
                described = t.getClass().getSimpleName();
            }
        }
        return abbreviate(described);
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
        String flat = value.strip().replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
