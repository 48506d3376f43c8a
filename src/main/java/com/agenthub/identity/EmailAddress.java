package com.agenthub.identity;

import java.util.Locale;

/** Emails are compared and stored lower-cased and trimmed. */
public final class EmailAddress {

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
