package com.agenthub.shared.web;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links that leave the app (an invitation link is pasted into mail) are built from
 * {@code agenthub.base-url}, never from the request: its Host header is whatever the client sent, so an
 * attacker could have the app hand out links to their own site.
 */
@Component
public class PublicUrls implements ApplicationListener<WebServerInitializedEvent> {

    private final URI configured;
    private volatile URI base;

    PublicUrls(SiteSettings settings) {
        this.configured = settings.baseUrl();
        this.base = configured == null ? URI.create("http://localhost:8080") : configured;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (configured == null && event.getApplicationContext().getServerNamespace() == null) {
            base = URI.create("http://localhost:" + event.getWebServer().getPort());
        }
    }

    /** An absolute URL for a path template such as {@code /invitations/{token}}. */
    public String link(String pathTemplate, Object... variables) {
        String root = base.toString().replaceAll("/+$", "");
        return UriComponentsBuilder.fromUriString(root).path(pathTemplate).buildAndExpand(variables).encode()
                .toUriString();
    }
}
