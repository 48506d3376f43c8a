package com.agenthub.execution.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Model output is untrusted: the renderer the run pages use keeps only harmless links. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void dropsDataAndScriptLinksButKeepsWebAndMailLinks() {
        String html = renderer.toSafeHtml("[a](data:text/html;base64,PHNjcmlwdD4=) ![b](data:image/png;base64,AAAA) "
                + "[c](JaVaScRiPt:alert(1)) [d](https://example.com/x) [e](mailto:sales@example.com) <b>bold</b>");

        assertThat(html).doesNotContain("data:").doesNotContainIgnoringCase("javascript:").doesNotContain("<b>")
                .contains("href=\"https://example.com/x\"").contains("href=\"mailto:sales@example.com\"");
    }
}
