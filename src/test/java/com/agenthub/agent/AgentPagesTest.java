package com.agenthub.agent;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.SubmitRun;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Plans;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class AgentPagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired Plans plans;

    @Test
    void theFallbackListOffersTheOrganizationsUsableModelsButNotTheMainOneAndTheTimeoutNamesThePlanMaximum() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        int maxRun = plans.effectivePlan(org.id(), Tier.GROWTH).maxRunSeconds();

        String page = mvc.perform(get("/agents/new").with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String fallback = page.substring(page.indexOf("id=\"fallback\""), page.indexOf("</select>", page.indexOf("id=\"fallback\"")));

        assertThat(fallback).containsPattern("value=\"sandbox:sandbox\"[^>]*disabled").contains("(the main model)")
                .containsPattern("value=\"openai:gpt-4o-mini\"(?![^>]*disabled)[^>]*>");
        assertThat(page).doesNotContain("data-testid=\"no-fallback\"")
                .contains("5 to " + maxRun + ", the longest run your Growth plan allows").contains("max=\"" + maxRun + "\"");
    }

    @Test
    void theResponseCacheIsNotOfferedUntilItWorks() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("No cache")));
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String form = mvc.perform(get("/agents/" + agent.id() + "/edit").with(session)).andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/agents/" + agent.id()).with(session)).andReturn().getResponse().getContentAsString();
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();

        assertThat(form).doesNotContain("cacheEnabled").doesNotContain("Reuse answers");
        assertThat(page).doesNotContain("Response cache");
        assertThat(docs).doesNotContain("cache_enabled");
    }

    @Test
    void aFallbackEqualToTheMainModelIsRefusedNextToTheFieldKeepingTheInput() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(post("/agents").with(session).with(csrf()).param("name", "Twin models")
                        .param("model", "openai:gpt-4o-mini").param("fallback", "openai:gpt-4o-mini")
                        .param("temperature", "0.7").param("maxTokens", "1000").param("topP", "1")
                        .param("tone", "PROFESSIONAL").param("behavior", "HELPFUL").param("languageStyle", "CONCISE")
                        .param("memoryMode", "NONE").param("memoryMaxMessages", "10").param("memoryTokenBudget", "4000")
                        .param("timeoutSeconds", "60"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"fallback-error\"")
                .contains("The fallback must be a different model from the main one: pick another, or None.")
                .contains("value=\"Twin models\"");
    }

    @Test
    void valuesThatAreNotNumbersOrChoicesAreRefusedNextToTheirFieldsKeepingEverythingTyped() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Typo prone")));
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        for (String action : new String[] {"/agents", "/agents/" + agent.id()}) {
            String page = mvc.perform(post(action).with(session).with(csrf()).param("name", "Typed with care")
                            .param("description", "Kept as typed").param("model", "sandbox:sandbox")
                            .param("temperature", "abc").param("maxTokens", "1e9").param("topP", "1")
                            .param("tone", "SARCASTIC").param("behavior", "HELPFUL").param("languageStyle", "CONCISE")
                            .param("instructions", "Answer briefly.").param("memoryMode", "NONE")
                            .param("memoryMaxMessages", "10").param("memoryTokenBudget", "99999999999")
                            .param("timeoutSeconds", "60"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(page).as(action).contains("data-testid=\"agent-form\"").contains("data-testid=\"form-has-errors\"")
                    .containsPattern("id=\"temperature-error\"[^>]*>Enter a number.")
                    .containsPattern("id=\"maxTokens-error\"[^>]*>Enter a whole number")
                    .containsPattern("id=\"memoryTokenBudget-error\"[^>]*>Enter a whole number")
                    .containsPattern("id=\"tone-error\"[^>]*>Choose one of the offered tones.")
                    .contains("value=\"Typed with care\"").contains("value=\"Kept as typed\"")
                    .contains("value=\"abc\"").contains("value=\"1e9\"").contains("value=\"99999999999\"")
                    .contains("Answer briefly.").containsPattern("value=\"60\"");
        }
        assertThat(TenantContext.callAs(org.id(), () -> agents.get(owner, agent.id())).name()).isEqualTo("Typo prone");
    }

    @Test
    void theRunPanelShowsTheEmptyStateOnlyWhenTheAgentHasNoRuns() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Runner")));
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String before = mvc.perform(get("/agents/" + agent.id() + "/run-panel").with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        TenantContext.runAs(org.id(), () -> executions.submit(owner, agent.id(), new SubmitRun("Say hello", null, null)));
        String after = mvc.perform(get("/agents/" + agent.id() + "/run-panel").with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(before).contains("No executions yet").doesNotContain("data-testid=\"recent-executions\"");
        assertThat(after).contains("data-testid=\"recent-executions\"").contains("Say hello")
                .doesNotContain("No executions yet");
    }

    @Test
    void liveSearchReturnsOnlyTheListWhileTheFullPageHasCardsAndFilters() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        TenantContext.runAs(org.id(), () -> {
            agents.create(owner, AgentMother.settings("Invoice chaser"));
            agents.create(owner, AgentMother.settings("Greeter"));
        });
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String full = mvc.perform(get("/agents").with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String partial = mvc.perform(get("/agents").with(session).param("q", "invoice").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(full).contains("<html").contains("data-testid=\"card-agents\"").contains("Invoice chaser").contains("Greeter");
        assertThat(partial).startsWith("<div id=\"agent-list\">").doesNotContain("<html").contains("Invoice chaser")
                .doesNotContain("Greeter");
    }

    @Test
    void aViewerSeesAgentsButNoControlsAndIsRefusedWhenPosting() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Look only")));
        var viewer = signIn(mvc, mother.member(org, Role.VIEWER).email(), OrganizationMother.PASSWORD);

        String list = mvc.perform(get("/agents").with(viewer)).andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/agents/" + agent.id()).with(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(list).contains("Look only").doesNotContain("data-testid=\"create-agent\"");
        assertThat(page).contains("You are Look only.").doesNotContain("data-testid=\"edit-agent\"")
                .doesNotContain("data-testid=\"delete-agent\"");
        mvc.perform(post("/agents/" + agent.id() + "/delete").with(viewer).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void viewersAndMembersAreRefusedTheAgentFormsWithTheNormalLayoutAndAreNotOfferedThem() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Form guarded")));
        for (Role role : new Role[] {Role.VIEWER, Role.MEMBER}) {
            var session = signIn(mvc, mother.member(org, role).email(), OrganizationMother.PASSWORD);
            for (String form : new String[] {"/agents/new", "/agents/" + agent.id() + "/edit"}) {
                String page = mvc.perform(get(form).with(session)).andExpect(status().isForbidden())
                        .andReturn().getResponse().getContentAsString();
                assertThat(page).as(role + " " + form).contains("id=\"main-nav\"").contains("data-testid=\"forbidden-reason\"")
                        .contains("Admin").doesNotContain("data-testid=\"agent-form\"");
            }
            String show = mvc.perform(get("/agents/" + agent.id()).with(session)).andReturn().getResponse().getContentAsString();
            assertThat(show).doesNotContain("data-testid=\"edit-agent\"");
            if (role == Role.VIEWER) {
                assertThat(show).doesNotContain("/agents/" + agent.id() + "/run\"");
            }
        }
    }

    @Test
    void anotherOrganizationsAgentPageIsNotFound() throws Exception {
        var mine = mother.organization(Tier.GROWTH);
        var theirs = mother.organization(Tier.GROWTH);
        var agent = TenantContext.callAs(theirs.id(), () -> agents.create(mother.owner(theirs), AgentMother.settings("Secret")));
        var session = signIn(mvc, mine.owner().email(), OrganizationMother.PASSWORD);

        mvc.perform(get("/agents/" + agent.id()).with(session)).andExpect(status().isNotFound());
        mvc.perform(post("/agents/" + agent.id() + "/delete").with(session).with(csrf())).andExpect(status().isNotFound());
    }
}
