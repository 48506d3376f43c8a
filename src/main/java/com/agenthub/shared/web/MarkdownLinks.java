package com.agenthub.shared.web;

import java.util.Locale;
import java.util.Set;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Link and image targets allowed in Markdown rendered from untrusted text (LLM output): http, https, mailto
 * and relative links only. commonmark's own sanitizer also lets {@code data:} through, and a
 * {@code data:text/html} link opens an attacker's page at a click; everything else is dropped to an empty
 * target, so the text stays and the link goes nowhere.
 */
public final class MarkdownLinks implements UrlSanitizer {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    @Override
    public String sanitizeLinkUrl(String url) {
        return allowed(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return allowed(url) ? url : "";
    }

    static boolean allowed(String url) {
        if (url == null) {
            return false;
        }
        // Browsers skip control characters and whitespace inside a scheme ("java\tscript:"), so we do too.
        String target = url.replaceAll("[\\p{Cntrl}\\s\\u00A0\\u200B-\\u200D\\uFEFF]", "");
        int colon = target.indexOf(':');
        int pathStart = firstOf(target, "/?#");
        if (colon < 0 || (pathStart >= 0 && pathStart < colon)) {
            return !target.startsWith("//") && !target.startsWith("\\");
        }
        return SCHEMES.contains(target.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
