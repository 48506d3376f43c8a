package com.agenthub.execution;

import java.util.Optional;
import org.springframework.ai.converter.BeanOutputConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured output of team members (plans, votes) through Spring AI's converter: the format instructions a prompt
 * carries, and a parse that says what was wrong instead of throwing.
 */
final class TeamJson<T> {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final BeanOutputConverter<T> converter;

    TeamJson(Class<T> type) {
        this.converter = new BeanOutputConverter<>(type, LENIENT);
    }

    String format() {
        return converter.getFormat();
    }

    /** The value, or empty with {@code problem} set to why the text is not one. */
    Optional<T> parse(String text, StringBuilder problem) {
        if (text == null || text.isBlank()) {
            problem.append("the reply was empty");
            return Optional.empty();
        }
        try {
            T value = converter.convert(extractObject(text));
            if (value == null) {
                problem.append("the reply was not a JSON object");
            }
            return Optional.ofNullable(value);
        } catch (RuntimeException e) {
            problem.append("the reply was not JSON in the requested format");
            return Optional.empty();
        }
    }

    /** Models often wrap the object in prose or a code fence: the outermost braces are the object. */
    private static String extractObject(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        return start >= 0 && end > start ? text.substring(start, end + 1) : text;
    }
}
