package com.agenthub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/** Through commonmark as the executions page renders output: raw HTML escaped, links sanitized by us. */
class MarkdownLinksTest {

    private static final Pattern TARGET = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new MarkdownLinks()).build();

    @Test
    void dataScriptAndVbscriptTargetsAreDroppedInLinksAndImages() {
        for (String markdown : new String[] {"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "![x](data:image/svg+xml;base64,PHN2Zz4=)",
                "[x](vbscript:msgbox(1))", "[x](DATA:text/html,hi)", "[x](&#106;avascript:alert(1))",
                "[x](java%09script:alert(1))", "[x](<java\tscript:alert(1)>)", "[x](file:///etc/passwd)",
                "[x]: javascript:alert(1)\n\n[x]", "<javascript:alert(1)>", "[x](//evil.example/path)"}) {
            var targets = TARGET.matcher(render(markdown));
            while (targets.find()) {
                assertThat(targets.group(1)).as(markdown).isEmpty();
            }
        }
    }

    @Test
    void httpHttpsMailtoAndRelativeLinksSurvive() {
        assertThat(render("[a](http://example.com/a?b=1) [b](https://example.com) [c](mailto:someone@example.com)"))
                .contains("href=\"http://example.com/a?b=1\"").contains("href=\"https://example.com\"")
                .contains("href=\"mailto:someone@example.com\"");
        assertThat(render("![chart](https://example.com/chart.png) [next](/executions?page=2) [top](#top)"))
                .contains("src=\"https://example.com/chart.png\"").contains("href=\"/executions?page=2\"")
                .contains("href=\"#top\"");
        assertThat(render("[x](HTTPS://Example.com)")).contains("href=\"HTTPS://Example.com\"");
    }

    private String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
