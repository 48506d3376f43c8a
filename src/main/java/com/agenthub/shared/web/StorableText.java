package com.agenthub.shared.web;

import java.sql.SQLException;
import java.util.Set;

/** Recognises PostgreSQL refusing text itself (a NUL character in text or jsonb): bad input, not a bug. */
final class StorableText {

    static final String REFUSAL = "A text field contains characters that cannot be stored, such as NUL (\\u0000).";

    /** character_not_in_repertoire (NUL in text) and untranslatable_character (NUL escapes in jsonb). */
    private static final Set<String> STATES = Set.of("22021", "22P05");

    private StorableText() {
    }

    /** Set.of(...).contains(null) throws: a dropped connection's SQLException may carry no state. */
    static boolean isUnstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
