package com.agenthub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicUrlsTest {

    @Test
    void linksStartAtTheConfiguredBaseUrl() {
        var urls = new PublicUrls(new SiteSettings(URI.create("https://agenthub.example.com/hub/")));
        assertThat(urls.link("/invitations/{token}", "inv_abc"))
                .isEqualTo("https://agenthub.example.com/hub/invitations/inv_abc");
    }

    @Test
    void aBaseUrlMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> new SiteSettings(URI.create("agenthub.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SiteSettings(URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
