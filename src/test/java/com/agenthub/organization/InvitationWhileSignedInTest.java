package com.agenthub.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP: someone signed in opens an invitation meant for a new account. */
@AgentHubTest
class InvitationWhileSignedInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired InvitationService invitations;
    @Autowired UserAccounts users;

    @Test
    void registeringWhileSignedInAsSomeoneElseIsRefusedAndTheSessionIsKept() {
        var mine = mother.organization(Tier.FREE);
        var inviting = mother.organization(Tier.GROWTH);
        String invitee = OrganizationMother.uniqueEmail("newcomer");
        String token = TenantContext.callAs(inviting.id(),
                () -> invitations.invite(mother.owner(inviting), invitee, Role.MEMBER)).token();
        String session = signIn(mine.owner().email());

        var page = http().get("/invitations/" + token, "Accept: text/html", "Cookie: " + session);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var register = http().postForm("/invitations/" + token + "/register", "displayName=Newcomer&password="
                + enc("a-long-unusual-passphrase") + "&_csrf=" + enc(csrf.group(1)), "Accept: text/html",
                "Cookie: " + session);

        assertThat(register.headers("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        assertThat(users.findByEmail(invitee)).isEmpty();
        var shown = register.status() == 302
                ? http().get(register.header("Location").orElseThrow(), "Accept: text/html", "Cookie: " + session)
                : register;
        assertThat(shown.body()).contains("Sign out first");
        var dashboard = http().get("/dashboard", "Accept: text/html", "Cookie: " + session);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains(mine.name()).doesNotContain(inviting.name());
        assertThat(invitations.preview(token).status()).isEqualTo(InvitationService.Status.PENDING);
    }

    private String signIn(String email) {
        var login = http().get("/login", "Accept: text/html");
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        var response = http().postForm("/login", "username=" + enc(email) + "&password="
                + enc(OrganizationMother.PASSWORD) + "&_csrf=" + enc(csrf.group(1)), "Accept: text/html", "Cookie: " + cookie);
        assertThat(response.header("Location").orElseThrow()).endsWith("/dashboard");
        return response.header("Set-Cookie").orElseThrow().split(";")[0];
    }

    private RawHttp http() {
        return RawHttp.loopback(port);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
