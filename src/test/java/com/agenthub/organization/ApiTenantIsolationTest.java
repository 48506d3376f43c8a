package com.agenthub.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import com.agenthub.support.DemoTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP with the tokens the demo profile issued. */
@AgentHubTest
class ApiTenantIsolationTest {

    @LocalServerPort int port;
    @Autowired DemoTokens demoTokens;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;
    @Autowired MemberService members;

    Api acmeOwner;
    Api globexOwner;

    @BeforeEach
    void clients() {
        acmeOwner = new Api(port, demoTokens.of("owner@acme.test"));
        globexOwner = new Api(port, demoTokens.of("owner@globex.test"));
    }

    @Test
    void meDescribesTheTokensUserOrganizationRoleAndTier() {
        var me = acmeOwner.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/user/email").asString()).isEqualTo("owner@acme.test");
        assertThat(me.json().at("/organization/name").asString()).isEqualTo("Acme");
        assertThat(me.json().at("/organization/tier").asString()).isEqualTo("GROWTH");
        assertThat(me.json().at("/role").asString()).isEqualTo("OWNER");
        assertThat(me.body()).contains("\"display_name\"").doesNotContain("displayName");
    }

    @Test
    void aGlobexTokenCannotReadOrChangeAnythingOfAcmesAndLearnsNothing() {
        String acmeAdminId = acmeOwner.get("/api/v1/members").json().get("members").valueStream()
                .filter(m -> m.get("email").asString().equals("admin@acme.test"))
                .findFirst().orElseThrow().get("user_id").asString();
        String acmeTokenId = acmeOwner.get("/api/v1/tokens").json().at("/tokens/0/id").asString();

        var read = globexOwner.get("/api/v1/members/" + acmeAdminId);
        var demote = globexOwner.patch("/api/v1/members/" + acmeAdminId, "{\"role\":\"VIEWER\"}");
        var remove = globexOwner.delete("/api/v1/members/" + acmeAdminId);
        var revoke = globexOwner.delete("/api/v1/tokens/" + acmeTokenId);

        for (var response : new Api.Response[] {read, demote, remove, revoke}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
        assertThat(globexOwner.get("/api/v1/members").body()).doesNotContain("acme.test");
        assertThat(acmeOwner.get("/api/v1/members/" + acmeAdminId).json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(acmeOwner.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefused() {
        var org = mother.organization(Tier.STARTER);
        Actor owner = mother.owner(org);
        var created = TenantContext.callAs(org.id(), () -> tokens.create(owner, "short-lived"));
        Api api = new Api(port, created.secret());
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/tokens/" + created.token().id()).status()).isEqualTo(204);

        var refused = api.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void aRemovedMembersTokenStopsWorking() {
        var org = mother.organization(Tier.GROWTH);
        var member = mother.member(org, Role.MEMBER);
        var secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.actor(member, org.id()), "ci")).secret();
        Api api = new Api(port, secret);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        TenantContext.runAs(org.id(), () -> members.remove(mother.owner(org), member.id()));

        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aViewerTokenIsRefusedWithTheRoleItWouldNeed() {
        var org = mother.organization(Tier.GROWTH);
        var viewer = mother.member(org, Role.VIEWER);
        var member = mother.member(org, Role.MEMBER);
        var secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.actor(viewer, org.id()), "ro")).secret();

        var response = new Api(port, secret).patch("/api/v1/members/" + member.id(), "{\"role\":\"ADMIN\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("Admin role");
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        var org = mother.organization(Tier.GROWTH);
        var member = mother.member(org, Role.MEMBER);
        var secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "x")).secret();
        Api api = new Api(port, secret);

        var unknownRole = api.patch("/api/v1/members/" + member.id(), "{\"role\":\"KING\"}");
        var malformed = api.patch("/api/v1/members/" + member.id(), "{\"role\":");
        var missing = api.patch("/api/v1/members/" + member.id(), "{}");
        var badId = api.get("/api/v1/members/not-a-uuid");

        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("role");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/members/" + member.id()).json().get("role").asString()).isEqualTo("MEMBER");
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        var org = mother.organization(Tier.GROWTH);
        var secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "x")).secret();

        var response = new Api(port, secret).patch("/api/v1/members/" + org.owner().id(), "{\"role\":\"ADMIN\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("at least one owner");
    }

    @Test
    void theOpenApiDescriptionListsTheApi() {
        var docs = new Api(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/v1/me")).isTrue();
    }
}
