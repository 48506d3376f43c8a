package com.agenthub.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.identity.UserAccounts;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-up over real HTTP, each test from its own client address as the trusted test proxy reports it. */
@AgentHubTest
class SignupSafetyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    @Test
    void anAddressWithMarkupOrWithoutARealDomainIsRefused() {
        String address = randomAddress();
        for (String email : new String[] {"<script>x</script>@example.com", "a@b",
                "\u0440\u0430\u0443\u0440\u0430l@example.com"}) {
            var page = signUp(address, email, "a-long-unusual-passphrase");
            assertThat(page.status()).as(email).isEqualTo(200);
            assertThat(page.body()).as(email).containsAnyOf("Enter a valid email address", "plain ASCII");
            assertThat(users.findByEmail(email)).as(email).isEmpty();
        }
    }

    @Test
    void aCommonOrTooSimplePasswordIsRefused() {
        String address = randomAddress();
        String email = OrganizationMother.uniqueEmail("weak");
        assertThat(signUp(address, email, "aaaaaaaaaa").body()).contains("too simple");
        assertThat(signUp(address, email, "password123").body()).contains("most common");
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void oneAddressMaySignUpAFewTimesAnHourThenIsToldToWaitWithItsInputKept() {
        String address = randomAddress();
        for (int i = 0; i < 5; i++) {
            var created = signUp(address, OrganizationMother.uniqueEmail("burst"), "a-long-unusual-passphrase");
            assertThat(created.status()).as("sign-up " + (i + 1)).isEqualTo(302);
        }
        String email = OrganizationMother.uniqueEmail("sixth");
        var refused = signUp(address, email, "a-long-unusual-passphrase");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many sign-ups from your network. Try again in")
                .contains("value=\"" + email + "\"").contains("value=\"Sam Signup\"");
        assertThat(users.findByEmail(email)).isEmpty();

        assertThat(signUp(randomAddress(), email, "a-long-unusual-passphrase").status()).isEqualTo(302);
    }

    private RawHttp.Response signUp(String clientAddress, String email, String password) {
        var http = RawHttp.trustedProxy(port);
        String forwarded = "X-Forwarded-For: " + clientAddress;
        var form = http.get("/signup", "Accept: text/html", forwarded);
        String cookie = form.header("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        return http.postForm("/signup", "displayName=" + enc("Sam Signup") + "&email=" + enc(email) + "&password="
                + enc(password) + "&organizationName=" + enc("Sam's Shop") + "&_csrf=" + enc(csrf.group(1)),
                "Accept: text/html", "Cookie: " + cookie, forwarded);
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
