package com.agenthub.shared.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl where users reach the app (AGENTHUB_BASE_URL), e.g. {@code https://agenthub.example.com};
 *                unset: {@code http://localhost:<the port the server listens on>}
 */
@ConfigurationProperties("agenthub")
public record SiteSettings(@Nullable URI baseUrl) {

    public SiteSettings {
        if (baseUrl != null && (baseUrl.getHost() == null || !List.of("http", "https").contains(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("agenthub.base-url must be an absolute http(s) URL, not " + baseUrl);
        }
    }
}
