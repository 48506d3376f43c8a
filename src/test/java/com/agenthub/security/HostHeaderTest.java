package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every request here claims a hostile Host header: nothing the app sends back may point there. */
@AgentHubTest
class HostHeaderTest {

    private static final String HOSTILE = "Host: evil.example";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;

    @Test
    void redirectsDoNotFollowTheHostHeader() {
        var toLogin = RawHttp.loopback(port).get("/dashboard", "Accept: text/html", HOSTILE);
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location").orElseThrow()).doesNotContain("evil.example").endsWith("/login");

        String session = signIn(mother.organization(Tier.FREE).owner().email());
        var home = RawHttp.loopback(port).get("/", "Accept: text/html", HOSTILE, "Cookie: " + session);
        assertThat(home.headers("Location")).allSatisfy(l -> assertThat(l).doesNotContain("evil.example"));
    }

    @Test
    void anInvitationLinkPointsAtTheConfiguredBaseUrlWhateverTheHostHeader() {
        String session = signIn(mother.organization(Tier.GROWTH).owner().email());
        var members = RawHttp.loopback(port).get("/settings/members", "Accept: text/html", HOSTILE, "Cookie: " + session);
        Matcher csrf = CSRF.matcher(members.body());
        assertThat(csrf.find()).isTrue();
        var invite = RawHttp.loopback(port).postForm("/settings/members/invitations",
                "email=" + enc(OrganizationMother.uniqueEmail("hosted")) + "&role=MEMBER&_csrf=" + enc(csrf.group(1)),
                "Accept: text/html", HOSTILE, "Cookie: " + session);
        assertThat(invite.status()).isEqualTo(302);
        assertThat(invite.header("Location").orElseThrow()).doesNotContain("evil.example");

        var shown = RawHttp.loopback(port).get("/settings/members", "Accept: text/html", HOSTILE, "Cookie: " + session);
        Matcher link = Pattern.compile("value=\"([^\"]*/invitations/inv_[^\"]*)\"").matcher(shown.body());
        assertThat(link.find()).as("the invitation link is shown").isTrue();
        assertThat(link.group(1)).startsWith("http://localhost:" + port + "/invitations/inv_");
    }

    private String signIn(String email) {
        var login = RawHttp.loopback(port).get("/login", "Accept: text/html", HOSTILE);
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        var response = RawHttp.loopback(port).postForm("/login", "username=" + enc(email) + "&password="
                + enc(OrganizationMother.PASSWORD) + "&_csrf=" + enc(csrf.group(1)), "Accept: text/html",
                HOSTILE, "Cookie: " + cookie);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location").orElseThrow()).doesNotContain("evil.example").endsWith("/dashboard");
        return response.header("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
