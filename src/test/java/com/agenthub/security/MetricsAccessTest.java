package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class MetricsAccessTest {

    @Test
    void withATokenOnlyItsBearerMayScrapeWherever() {
        assertThat(MetricsAccess.allows(request("203.0.113.9", "Bearer s3cret-metrics"), "s3cret-metrics")).isTrue();
        assertThat(MetricsAccess.allows(request("127.0.0.1", "Bearer wrong"), "s3cret-metrics")).isFalse();
        assertThat(MetricsAccess.allows(request("127.0.0.1", null), "s3cret-metrics")).isFalse();
    }

    @Test
    void withoutATokenOnlyThisMachineMayScrape() {
        assertThat(MetricsAccess.allows(request("127.0.0.1", null), "")).isTrue();
        assertThat(MetricsAccess.allows(request("0:0:0:0:0:0:0:1", null), null)).isTrue();
        assertThat(MetricsAccess.allows(request("203.0.113.9", null), "")).isFalse();
        assertThat(MetricsAccess.allows(request("203.0.113.9", "Bearer anything"), "")).isFalse();
    }

    @Test
    void aLoopbackConnectionCarryingForwardedHeadersCameThroughAProxyAndIsNotLocal() {
        var claimsLocalhost = request("127.0.0.1", null);
        claimsLocalhost.addHeader("X-Forwarded-For", "127.0.0.1");
        assertThat(MetricsAccess.allows(claimsLocalhost, "")).isFalse();
        var viaProxy = request("127.0.0.1", null);
        viaProxy.addHeader("Forwarded", "for=127.0.0.1;proto=https");
        assertThat(MetricsAccess.allows(viaProxy, "")).isFalse();
        var resolvedByTomcat = request("127.0.0.1", null);
        resolvedByTomcat.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);
        assertThat(MetricsAccess.allows(resolvedByTomcat, "")).isFalse();
    }

    private static MockHttpServletRequest request(String remote, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(remote);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
