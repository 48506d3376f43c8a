package com.agenthub.shared.web;

import java.util.List;

/** Query parameters read leniently so that every bad one is reported at once, by name. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The value as a whole number within bounds; otherwise a problem is added and {@code min} returned. */
    public static int wholeNumber(String value, String field, int min, int max,
                                  List<ValidationFailedException.FieldProblem> problems) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ValidationFailedException.FieldProblem(field, field + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + "."));
        return min;
    }
}
