package com.agenthub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, as a browser without JavaScript would see it. */
@AgentHubTest
class SessionAndHeadersTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndFramingProtection() throws Exception {
        var response = client(new CookieManager()).send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void signingInIssuesANewSessionIdAndTheSessionLivesInTheDatabase() throws Exception {
        var org = mother.organization(Tier.FREE);
        var cookies = new CookieManager();
        var client = client(cookies);
        String csrf = loginPageCsrf(client);
        String before = session(cookies);

        var signIn = signIn(client, org.owner().email(), csrf);

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
        String after = session(cookies);
        assertThat(before).isNotNull();
        assertThat(after).isNotNull().isNotEqualTo(before);
        var dashboard = client.send(request("/dashboard").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(org.name());

        var oldSession = client(new CookieManager()).send(request("/dashboard").header("Cookie", "SESSION=" + before)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oldSession.statusCode()).isEqualTo(302);
    }

    @Test
    void aPageViewWithinAMinuteWritesNoSessionRowAndSigningOutDeletesIt() throws Exception {
        var org = mother.organization(Tier.FREE);
        var cookies = new CookieManager();
        var client = client(cookies);
        signIn(client, org.owner().email(), loginPageCsrf(client));
        String id = new String(java.util.Base64.getDecoder().decode(session(cookies)), StandardCharsets.UTF_8);
        // The first page picks the organization and keeps it in the session: a change, saved at once.
        client.send(request("/dashboard").build(), HttpResponse.BodyHandlers.ofString());
        Long stored = lastAccess(id);
        assertThat(stored).isNotNull();

        String page = "";
        for (int i = 0; i < 3; i++) {
            Thread.sleep(5); // the last-access time moves on every request
            var dashboard = client.send(request("/dashboard").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).isEqualTo(200);
            page = dashboard.body();
        }
        assertThat(lastAccess(id)).isEqualTo(stored);

        Matcher logoutCsrf = CSRF.matcher(page);
        assertThat(logoutCsrf.find()).isTrue();
        var signOut = client.send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(logoutCsrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(lastAccess(id)).isNull();
        assertThat(client.send(request("/dashboard").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(302);
    }

    private String loginPageCsrf(HttpClient client) throws Exception {
        Matcher csrf = CSRF.matcher(client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> signIn(HttpClient client, String email, String csrf) throws Exception {
        return client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password="
                        + enc(OrganizationMother.PASSWORD) + "&_csrf=" + enc(csrf)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Long lastAccess(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(sessionId)
                .query(Long.class).optional().orElse(null);
    }

    @Test
    void theHealthEndpointIsUpWithoutSigningIn() throws Exception {
        var health = client(new CookieManager()).send(request("/actuator/health").setHeader("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }

    private static HttpClient client(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
