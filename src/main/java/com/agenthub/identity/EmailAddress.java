package com.agenthub.identity;

import com.agenthub.shared.web.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Emails are compared and stored lower-cased and trimmed. */
public final class EmailAddress {

    static final int MAX_LENGTH = 254;

    /**
     * Narrower than RFC 5322 on purpose: addresses are shown on pages and in the audit log, so no quotes,
     * angle brackets or other markup, and ASCII only, so that no lookalike letter ("раураl.com" in
     * Cyrillic) can pass for someone else's address.
     */
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9](?:[a-z0-9._%+'-]{0,62}[a-z0-9_%+-])?");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The normalized address, or a refusal saying what is wrong with it. */
    public static String validate(String email) {
        String normalized = normalize(email);
        if (normalized.isEmpty()) {
            throw new InvalidRequestException("email", "Enter an email address.");
        }
        if (normalized.length() > MAX_LENGTH) {
            throw new InvalidRequestException("email", "Email addresses are limited to " + MAX_LENGTH + " characters.");
        }
        if (!normalized.chars().allMatch(c -> c < 0x80)) {
            throw new InvalidRequestException("email", "Use an email address in plain ASCII letters, digits and . - _ +;"
                    + " for an international domain, enter its xn-- form.");
        }
        int at = normalized.lastIndexOf('@');
        if (at <= 0 || normalized.indexOf('@') != at || normalized.contains("..")
                || !LOCAL_PART.matcher(normalized.substring(0, at)).matches()
                || !DOMAIN.matcher(normalized.substring(at + 1)).matches()) {
            throw new InvalidRequestException("email", "Enter a valid email address, such as name@example.com.");
        }
        return normalized;
    }
}
