package com.agenthub.audit;

import java.time.LocalDate;

/**
 * What the admin audit log is narrowed to; null (or blank) means any. {@code organization} matches an
 * organization's id or part of its name, {@code actor} part of an email, {@code action} part of the action
 * name; {@code from} and {@code to} are whole UTC days, both included.
 */
public record AuditFilter(String organization, String actor, String action, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        organization = blankToNull(organization);
        actor = blankToNull(actor);
        action = blankToNull(action);
    }

    public boolean any() {
        return organization != null || actor != null || action != null || from != null || to != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
