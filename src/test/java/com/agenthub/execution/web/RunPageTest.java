package com.agenthub.execution.web;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.execution.ExecutionService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class RunPageTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void aViewerIsToldBeforeTheRunFormThatRunningNeedsTheMemberRoleAndTheirPostIsRefused() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Viewer proof")));
        var viewer = signIn(mvc, mother.member(org, Role.VIEWER).email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/agents/" + agent.id() + "/run").with(viewer)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        String panel = mvc.perform(get("/agents/" + agent.id() + "/run-panel").with(viewer).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String refused = mvc.perform(post("/agents/" + agent.id() + "/run").with(viewer).with(csrf())
                        .param("task", "Run anyway").param("context", ""))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"main-nav\"").contains("data-testid=\"forbidden-reason\"")
                .contains("This needs the Member role or higher; you are Viewer.").doesNotContain("data-testid=\"run-form\"");
        assertThat(panel).doesNotContain("data-testid=\"run-form\"").contains("data-testid=\"run-refused\"")
                .contains("Running this agent needs the Member role or higher.");
        assertThat(refused).contains("id=\"main-nav\"").contains("This needs the Member role or higher; you are Viewer.");
        assertThat(TenantContext.callAs(org.id(), () -> executions.forAgent(owner, agent.id(), null, 10, 0)).items())
                .isEmpty();
    }

    @Test
    void aMemberGetsTheRunForm() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Member runs")));
        var member = signIn(mvc, mother.member(org, Role.MEMBER).email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/agents/" + agent.id() + "/run").with(member)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"run-form\"").doesNotContain("data-testid=\"run-refused\"");
    }
}
