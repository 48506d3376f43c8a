package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, without a metrics token configured (as in the tests): only this machine may scrape, and
 * not through a proxy. The test profile trusts 127.0.0.2 as a load balancer on the same host.
 */
@AgentHubTest
class MetricsEndpointAccessTest {

    private static final String[] PATHS = {"/actuator/prometheus", "/actuator/prometheus/", "/actuator/prometheus;x",
            "/actuator/prometheus?x", "/actuator/Prometheus", "/ACTUATOR/prometheus", "/actuator//prometheus",
            "/actuator/./prometheus", "/actuator/%70rometheus", "/actuator/prometheus/;x"};

    @LocalServerPort int port;

    @Test
    void aCallerOnThisMachineMayScrape() {
        var scrape = RawHttp.loopback(port).get("/actuator/prometheus", "Accept: */*");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("agenthub_runs_queued");
    }

    @Test
    void aRequestRelayedByAProxyOnThisMachineIsNotLocal() {
        for (RawHttp client : new RawHttp[] {RawHttp.loopback(port), RawHttp.trustedProxy(port)}) {
            for (String forwarded : new String[] {"X-Forwarded-For: 203.0.113.9", "X-Forwarded-For: 127.0.0.1",
                    "Forwarded: for=127.0.0.1", "X-Real-IP: 127.0.0.1", "X-Forwarded-Proto: https", "Via: 1.1 proxy"}) {
                for (String path : PATHS) {
                    var scrape = client.get(path, "Accept: */*", forwarded);
                    assertThat(scrape.body()).as(path + " with " + forwarded).doesNotContain("agenthub_runs");
                    assertThat(scrape.status()).as(path + " with " + forwarded).isNotEqualTo(200);
                }
            }
        }
    }

    @Test
    void aTrustedProxyOnThisMachineIsNotLocalEvenWithoutForwardedHeaders() {
        assertThat(RawHttp.trustedProxy(port).get("/actuator/prometheus", "Accept: */*").status()).isEqualTo(401);
    }

    @Test
    void aPeerElsewhereIsRefusedHoweverItSpellsThePathOrClaimsToBeLocal() {
        var external = RawHttp.external(port);
        assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        for (String path : PATHS) {
            for (String claim : new String[] {"X-Forwarded-For: 127.0.0.1", "Forwarded: for=\"[::1]\"", "X-Real-IP: ::1"}) {
                var scrape = external.get().get(path, "Accept: */*", claim);
                assertThat(scrape.body()).as(path + " with " + claim).doesNotContain("agenthub_runs");
                assertThat(scrape.status()).as(path).isNotEqualTo(200);
            }
        }
    }
}
