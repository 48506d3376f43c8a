package com.agenthub.identity;

import com.agenthub.shared.web.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length alone let {@code aaaaaaaaaa} and {@code password123} through: passwords that guessing tries first, and
 * the only defence once sign-in throttling no longer locks accounts. The list is a published one of common
 * passwords (see {@code identity/common-passwords.NOTICE.txt}).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    /** BCrypt reads no further, and Spring Security refuses to hash a longer password rather than truncate it. */
    static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 4;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("identity/common-passwords.txt");
    }

    void check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidRequestException("password", "Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidRequestException("password", "Passwords are limited to " + MAX_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException("password", "Use a password of at most " + MAX_BYTES
                    + " bytes (letters with accents and other non-ASCII characters count as two or more).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (tooSimple(lower)) {
            throw new InvalidRequestException("password",
                    "This password is too simple (a repeated character, pattern or run). Choose another.");
        }
        if (common.contains(lower) || common.contains(lower.replaceAll("[\\d\\p{Punct}\\s]+$", ""))) {
            throw new InvalidRequestException("password",
                    "This password is one of the most common ones, which are guessed first. Choose another.");
        }
    }

    private static boolean tooSimple(String password) {
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return true;
        }
        return repeatsAChunk(password) || isARun(password);
    }

    /** "abcabcabca", "passpasspass": a short piece said again and again. */
    private static boolean repeatsAChunk(String password) {
        for (int size = 1; size <= password.length() / 2; size++) {
            boolean repeats = true;
            for (int i = size; i < password.length() && repeats; i++) {
                repeats = password.charAt(i) == password.charAt(i % size);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** "abcdefghij", "9876543210": each character one step from the last. */
    private static boolean isARun(String password) {
        int step = password.charAt(1) - password.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < password.length(); i++) {
            if (password.charAt(i) - password.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load(String resource) {
        Set<String> passwords = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
