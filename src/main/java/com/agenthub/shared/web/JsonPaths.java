package com.agenthub.shared.web;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.DatabindException;

/** Renders a Jackson or Bean Validation path the way API clients write it: snake_case, dotted. */
public final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<DatabindException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (DatabindException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** {@code modelConfig.maxTokens} becomes {@code model_config.max_tokens}. */
    public static String snakeCase(String camelPath) {
        StringBuilder out = new StringBuilder();
        for (char c : camelPath.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
