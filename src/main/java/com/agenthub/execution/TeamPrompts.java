package com.agenthub.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The prompts the coordination patterns send, from {@code prompts/team/*.txt}. Placeholders are
 * {@code {{name}}}; values are inserted as they are (JSON braces in a template or a value need no escaping).
 */
@Component
class TeamPrompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    String render(String name, Map<String, ?> values) {
        String template = templates.computeIfAbsent(name, TeamPrompts::load);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + name + " needs {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String load(String name) {
        try (var in = new ClassPathResource("prompts/team/" + name + ".txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing prompt " + name, e);
        }
    }
}
