package com.agenthub.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** The id, or null when blank; a malformed one is reported and ignored. */
    public static UUID id(String value, String field, String what, List<ValidationFailedException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationFailedException.FieldProblem(field, "There is no such " + what + "."));
            return null;
        }
    }

    /** The constant named by the value in any case, or null when blank; another value is reported and ignored. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field,
                                              List<ValidationFailedException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationFailedException.FieldProblem(field, "Use one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    /** An ISO date (2025-01-31), or null when blank; another value is reported and ignored. */
    public static LocalDate date(String value, String field, List<ValidationFailedException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new ValidationFailedException.FieldProblem(field, "Use a date like 2025-01-31."));
            return null;
        }
    }

    /** For pages, which show each problem next to its filter. */
    public static java.util.Map<String, String> byField(List<ValidationFailedException.FieldProblem> problems) {
        return problems.stream().collect(Collectors.toMap(ValidationFailedException.FieldProblem::field,
                ValidationFailedException.FieldProblem::message, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** A pager's offset on a page: a bad one shows the first page and says why, in the layout's alert area. */
    public static int pageOffset(String value, org.springframework.ui.Model model) {
        List<ValidationFailedException.FieldProblem> problems = new java.util.ArrayList<>();
        int offset = wholeNumber(value == null ? "0" : value, "offset", 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("error", problems.get(0).message() + " Showing the first page.");
        }
        return offset;
    }
}
