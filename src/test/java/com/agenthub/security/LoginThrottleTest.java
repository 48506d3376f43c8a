package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-ins from distinct client addresses, as a trusted load balancer (127.0.0.2) reports them. */
@AgentHubTest
class LoginThrottleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;

    @Test
    void anAttackerGuessingFromElsewhereDoesNotLockTheRealUserOut() {
        String victim = mother.organization(Tier.FREE).owner().email();
        String attacker = randomAddress();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(signIn(RawHttp.trustedProxy(port), attacker, victim, "wrong-guess-" + i));
        }
        assertThat(outcomes.subList(0, 5)).allMatch(o -> o.endsWith("/login?error"));
        assertThat(outcomes.subList(5, 10)).allMatch(o -> o.contains("/login?throttled="));

        assertThat(signIn(RawHttp.trustedProxy(port), randomAddress(), victim, OrganizationMother.PASSWORD))
                .endsWith("/dashboard");
        assertThat(signIn(RawHttp.trustedProxy(port), attacker, victim, "wrong-guess-again"))
                .contains("/login?throttled=");
    }

    @Test
    void successfulSignInsNeverCountAsFailures() {
        String email = mother.organization(Tier.FREE).owner().email();
        String address = randomAddress();
        for (int i = 0; i < 8; i++) {
            assertThat(signIn(RawHttp.trustedProxy(port), address, email, OrganizationMother.PASSWORD))
                    .as("sign-in " + (i + 1)).endsWith("/dashboard");
        }
    }

    @Test
    void aSignInResetsTheFailuresBetweenThatAddressAndAccount() {
        String email = mother.organization(Tier.FREE).owner().email();
        String address = randomAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(signIn(RawHttp.trustedProxy(port), address, email, "typo-" + i)).endsWith("/login?error");
            }
            assertThat(signIn(RawHttp.trustedProxy(port), address, email, OrganizationMother.PASSWORD))
                    .endsWith("/dashboard");
        }
    }

    @Test
    void oneAddressSprayingManyAccountsIsSlowedDownWhileOthersAreNot() {
        String sprayer = randomAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(RawHttp.trustedProxy(port), sprayer, "nobody-" + i + "-" + sprayer + "@example.com", "guess"))
                    .endsWith("/login?error");
        }
        String email = mother.organization(Tier.FREE).owner().email();
        assertThat(signIn(RawHttp.trustedProxy(port), sprayer, email, OrganizationMother.PASSWORD))
                .contains("/login?throttled=");
        assertThat(signIn(RawHttp.trustedProxy(port), randomAddress(), email, OrganizationMother.PASSWORD))
                .endsWith("/dashboard");
    }

    @Test
    void anUntrustedPeerCannotDodgeTheLimitWithMadeUpForwardedFor() {
        var external = RawHttp.external(port);
        assumeTrue(external.isPresent(), "this machine has no non-loopback address");
        String email = mother.organization(Tier.FREE).owner().email();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(signIn(external.get(), randomAddress(), email, "guess-" + i));
        }
        assertThat(outcomes.get(5)).contains("/login?throttled=");
        assertThat(signIn(RawHttp.trustedProxy(port), randomAddress(), email, OrganizationMother.PASSWORD))
                .endsWith("/dashboard");
    }

    /** Where the sign-in sent the browser. */
    private String signIn(RawHttp client, String clientAddress, String email, String password) {
        String forwarded = "X-Forwarded-For: " + clientAddress;
        var login = client.get("/login", "Accept: text/html", forwarded);
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        var response = client.postForm("/login", "username=" + enc(email) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf.group(1)), "Accept: text/html", "Cookie: " + cookie, forwarded);
        assertThat(response.status()).isEqualTo(302);
        return response.header("Location").orElseThrow();
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
