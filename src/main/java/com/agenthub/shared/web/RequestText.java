package com.agenthub.shared.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What is wrong with a request's query string or parameters, before anything tries to store them. */
final class RequestText {

    private RequestText() {
    }

    static Optional<String> problemInQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                return Optional.of("The query string is not valid: parameter '" + printable(eq < 0 ? pair : pair.substring(0, eq))
                        + "' has a malformed %-escape or is not UTF-8.");
            }
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return Optional.of(nul(name));
            }
        }
        return Optional.empty();
    }

    static Optional<String> problemInParameters(Map<String, String[]> parameters) {
        for (var entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return Optional.of(nul(entry.getKey()));
            }
            for (String value : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return Optional.of(nul(entry.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    static String nul(String name) {
        return "'" + printable(name) + "' contains a NUL character (\\u0000), which text fields may not contain.";
    }

    /** Strict: a bad escape or a byte sequence that is not UTF-8 gives null instead of a replacement character. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String name) {
        String shown = name.replace("\0", "\\u0000");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
