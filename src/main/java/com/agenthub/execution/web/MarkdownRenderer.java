package com.agenthub.execution.web;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * LLM output is untrusted: rendered as Markdown with every raw HTML tag escaped and unsafe link targets
 * (javascript:, data: …) removed. The page's CSP forbids inline script as a second guard.
 */
@Component
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new com.agenthub.shared.web.MarkdownLinks()) // http, https and mailto only: no data: links
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .build();

    public String toSafeHtml(String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }

}
