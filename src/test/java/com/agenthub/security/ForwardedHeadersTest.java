package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forwarded headers count only from a trusted proxy: the test profile trusts 127.0.0.2, so a connection
 * from 127.0.0.1 or to this machine's other address plays a client that is not one.
 */
@AgentHubTest
class ForwardedHeadersTest {

    @LocalServerPort int port;

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        var external = RawHttp.external(port);
        assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        var claim = external.get().get("/actuator/prometheus", "Accept: */*", "X-Forwarded-For: 127.0.0.1");
        assertThat(claim.status()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsSecureWhenATrustedProxyReceivedTheRequestOverHttps() {
        var overHttps = RawHttp.trustedProxy(port).get("/login", "Accept: text/html", "X-Forwarded-Proto: https");
        assertThat(sessionCookie(overHttps)).contains("; Secure");
        var plain = RawHttp.trustedProxy(port).get("/login", "Accept: text/html");
        assertThat(sessionCookie(plain)).doesNotContain("Secure");
    }

    @Test
    void anUntrustedPeerCannotClaimHttps() {
        var claim = RawHttp.loopback(port).get("/login", "Accept: text/html", "X-Forwarded-Proto: https");
        assertThat(sessionCookie(claim)).doesNotContain("Secure");
    }

    private static String sessionCookie(RawHttp.Response response) {
        return response.headers("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
    }
}
