package com.agenthub.admin;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.MembershipDirectory;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class AdminPagesTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired MembershipDirectory directory;
    @Autowired ApiTokenService tokens;
    @Autowired com.agenthub.llm.ModelCatalog catalog;

    @Test
    void onlySuperAdminsReachTheAdminPages() throws Exception {
        var org = mother.organization(Tier.ENTERPRISE);
        var owner = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/admin/organizations").with(owner)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/organizations/" + org.id() + "/tier").with(owner).with(csrf()).param("tier", "FREE"))
                .andExpect(status().isForbidden());
        assertThat(directory.membershipsOf(org.owner().id()).get(0).tier()).isEqualTo(Tier.ENTERPRISE);
    }

    @Test
    void liveSearchReturnsOnlyTheResultsTable() throws Exception {
        var org = mother.organization(Tier.FREE);
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);

        String full = mvc.perform(get("/admin/organizations").with(admin).param("q", org.name()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String partial = mvc.perform(get("/admin/organizations").with(admin).param("q", org.name())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(full).contains("<html").contains(org.name()).contains("id=\"organizations-table\"");
        assertThat(partial).startsWith("<div id=\"organizations-table\">").doesNotContain("<html")
                .contains(org.name()).doesNotContain("Acme");
    }

    @Test
    void aSuperAdminWithoutAnOrganizationIsOfferedOnlyPagesItCanOpen() throws Exception {
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/admin/organizations").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String nav = page.substring(page.indexOf("id=\"main-nav\""), page.indexOf("</nav>", page.indexOf("id=\"main-nav\"")));
        var links = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(nav).results().map(m -> m.group(1)).toList();

        assertThat(links).contains("/admin").doesNotContain("/agents", "/settings");
        for (String link : links) {
            var response = mvc.perform(get(link).with(admin)).andReturn().getResponse();
            boolean opens = response.getStatus() == 200
                    || (response.getStatus() == 302 && response.getRedirectedUrl().startsWith("/admin/"));
            assertThat(opens).as("%s answers %s %s", link, response.getStatus(), response.getRedirectedUrl()).isTrue();
        }
    }

    @Test
    void theAuditLogFiltersByOrganizationActorActionAndDateInTheQueryString() throws Exception {
        var first = mother.organization(Tier.FREE);
        var second = mother.organization(Tier.FREE);
        var superAdmin = mother.superAdmin();
        var admin = signIn(mvc, superAdmin.email(), OrganizationMother.PASSWORD);
        for (var org : java.util.List.of(first, second)) {
            mvc.perform(post("/admin/organizations/" + org.id() + "/tier").with(admin).with(csrf()).param("tier", "GROWTH"))
                    .andExpect(redirectedUrl("/admin/organizations/" + org.id()));
        }
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();

        String byOrg = mvc.perform(get("/admin/audit").with(admin).param("org", first.name()).param("action", "tier_changed")
                .param("who", superAdmin.email()).param("from", today).param("to", today))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String later = mvc.perform(get("/admin/audit").with(admin).param("org", first.name()).param("from", tomorrow))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String badDate = mvc.perform(get("/admin/audit").with(admin).param("from", "yesterday"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(byOrg).contains("ORGANIZATION_TIER_CHANGED").contains(first.name()).doesNotContain(second.name())
                .contains("value=\"" + first.name() + "\"");
        assertThat(later).contains("No events match").doesNotContain("ORGANIZATION_TIER_CHANGED");
        assertThat(badDate).contains("id=\"from-error\"").contains("Use a date like 2025-01-31.");
    }

    @Test
    void changingATierTakesEffectAndIsAudited() throws Exception {
        var org = mother.organization(Tier.FREE);
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);

        mvc.perform(post("/admin/organizations/" + org.id() + "/tier").with(admin).with(csrf()).param("tier", "GROWTH"))
                .andExpect(redirectedUrl("/admin/organizations/" + org.id()));

        assertThat(directory.membershipsOf(org.owner().id()).get(0).tier()).isEqualTo(Tier.GROWTH);
        String audit = mvc.perform(get("/admin/audit").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("ORGANIZATION_TIER_CHANGED").contains("FREE -&gt; GROWTH").contains(org.name());
    }

    @Test
    void aSuspendedOrganizationsUsersSeeWhyAndCanDoNothingElse() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var member = mother.member(org, Role.ADMIN);
        var secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "ci")).secret();
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        var memberSession = signIn(mvc, member.email(), OrganizationMother.PASSWORD);

        mvc.perform(post("/admin/organizations/" + org.id() + "/suspend").with(admin).with(csrf())
                        .param("reason", "Payment overdue"))
                .andExpect(redirectedUrl("/admin/organizations/" + org.id()));

        mvc.perform(get("/dashboard").with(memberSession)).andExpect(redirectedUrl("/suspended"));
        mvc.perform(post("/settings/tokens").with(memberSession).with(csrf()).param("name", "sneaky"))
                .andExpect(redirectedUrl("/suspended"));
        String page = mvc.perform(get("/suspended").with(memberSession)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Reason: Payment overdue");
        var api = new Api(port, secret).get("/api/v1/me");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().get("detail").asString()).contains("suspended").contains("Payment overdue");

        mvc.perform(post("/admin/organizations/" + org.id() + "/reinstate").with(admin).with(csrf()));
        mvc.perform(get("/dashboard").with(memberSession)).andExpect(status().isOk());
        assertThat(new Api(port, secret).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void suspendingNeedsAReason() throws Exception {
        var org = mother.organization(Tier.FREE);
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        mvc.perform(post("/admin/organizations/" + org.id() + "/suspend").with(admin).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/admin/organizations/" + org.id()));
        assertThat(directory.membershipsOf(org.owner().id()).get(0).suspended()).isFalse();
    }

    @Test
    void aSuperAdminRepricesAModelAndTheChangeIsAudited() throws Exception {
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        mvc.perform(post("/admin/models").with(admin).with(csrf()).param("provider", "groq")
                        .param("model", "openai/gpt-oss-120b").param("inputPrice", "0.20").param("outputPrice", "0.90")
                        .param("contextWindow", "131072").param("minTier", "FREE").param("active", "true"))
                .andExpect(redirectedUrl("/admin/models"));

        assertThat(catalog.find("groq", "openai/gpt-oss-120b").orElseThrow().outputPricePerMtok())
                .isEqualByComparingTo("0.90");
        String audit = mvc.perform(get("/admin/audit").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("MODEL_REPRICED").contains("groq:openai/gpt-oss-120b");

        mvc.perform(post("/admin/models").with(admin).with(csrf()).param("provider", "groq")
                .param("model", "openai/gpt-oss-120b").param("inputPrice", "-1").param("outputPrice", "0.90")
                .param("contextWindow", "131072").param("minTier", "FREE"));
        assertThat(catalog.find("groq", "openai/gpt-oss-120b").orElseThrow().inputPricePerMtok())
                .isEqualByComparingTo("0.20");
    }

    @Test
    void anOrganizationOwnerCannotEditTheCatalog() throws Exception {
        var org = mother.organization(Tier.ENTERPRISE);
        var owner = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/admin/models").with(owner)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/models").with(owner).with(csrf()).param("provider", "openai").param("model", "gpt-4o")
                        .param("inputPrice", "0").param("outputPrice", "0").param("contextWindow", "1")
                        .param("minTier", "FREE"))
                .andExpect(status().isForbidden());
        assertThat(catalog.find("openai", "gpt-4o").orElseThrow().inputPricePerMtok()).isEqualByComparingTo("2.50");
    }

    @Test
    void theSystemStatusPageShowsTheQueueRunsLatencyAndCircuits() throws Exception {
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        String page = mvc.perform(get("/admin/status").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"system-status\"").contains("Queued runs").contains("Runs a minute")
                .contains("Error rate").contains("Queue by priority").contains("Provider latency").contains("Circuit breakers");

        var org = mother.organization(Tier.ENTERPRISE);
        var owner = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/admin/status").with(owner)).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownOrganizationIsNotFound() throws Exception {
        var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/admin/organizations/" + java.util.UUID.randomUUID()).with(admin))
                .andExpect(status().isNotFound());
    }
}
