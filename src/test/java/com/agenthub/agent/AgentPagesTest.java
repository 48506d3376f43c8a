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
    void anotherOrganizationsAgentPageIsNotFound() throws Exception {
        var mine = mother.organization(Tier.GROWTH);
        var theirs = mother.organization(Tier.GROWTH);
        var agent = TenantContext.callAs(theirs.id(), () -> agents.create(mother.owner(theirs), AgentMother.settings("Secret")));
        var session = signIn(mvc, mine.owner().email(), OrganizationMother.PASSWORD);

        mvc.perform(get("/agents/" + agent.id()).with(session)).andExpect(status().isNotFound());
        mvc.perform(post("/agents/" + agent.id() + "/delete").with(session).with(csrf())).andExpect(status().isNotFound());
    }
}
