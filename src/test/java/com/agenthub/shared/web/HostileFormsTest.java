package com.agenthub.shared.web;

import static com.agenthub.support.Browser.freshAddress;
import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.InvitationService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every HTML form (found with grep over the templates for {@code <form}, {@code th:action} and {@code hx-post}),
 * posted with a NUL character in each field and with its fields missing: a 400 page or a field error, never a 5xx.
 */
@AgentHubTest
class HostileFormsTest {

    static final String NUL = "a\u0000b";

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired InvitationService invitations;

    /** A form: its action, its fields, and whether posting it with no fields would really change something. */
    record Form(String action, List<String> fields, boolean destructive) {
        Form(String action, String... fields) {
            this(action, List.of(fields), false);
        }
    }

    @Test
    void noFormAnswersAServerErrorToANulOrAMissingField() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var member = mother.member(org, Role.MEMBER);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Target"))).id();
        String invitation = TenantContext.callAs(org.id(), () -> invitations.invite(owner,
                OrganizationMother.uniqueEmail("invitee"), Role.MEMBER)).token();
        UUID someId = UUID.randomUUID();

        List<Form> memberForms = List.of(
                new Form("/agents", "name", "description", "model", "temperature", "maxTokens", "topP", "fallback",
                        "traits", "tone", "behavior", "languageStyle", "instructions", "tools", "memoryMode",
                        "memoryMaxMessages", "memoryTokenBudget", "cacheEnabled", "timeoutSeconds"),
                new Form("/agents/" + agent, "name", "description", "model", "temperature", "maxTokens", "topP", "fallback",
                        "traits", "tone", "behavior", "languageStyle", "instructions", "tools", "memoryMode",
                        "memoryMaxMessages", "memoryTokenBudget", "cacheEnabled", "timeoutSeconds"),
                new Form("/agents/" + agent + "/status", "online"),
                new Form("/agents/" + agent + "/duplicate"),
                new Form("/agents/" + agent + "/run", "task", "context"),
                new Form("/agents/" + agent + "/memory/clear"),
                new Form("/agents/" + agent + "/delete", List.of(), true),
                new Form("/executions/" + someId + "/cancel"),
                new Form("/orgs/switch", "orgId"),
                new Form("/orgs/new", "name"),
                new Form("/settings/organization", "name"),
                new Form("/settings/tokens", "name"),
                new Form("/settings/tokens/" + someId + "/revoke"),
                new Form("/settings/members/invitations", "email", "role"),
                new Form("/settings/members/invitations/" + someId + "/revoke"),
                new Form("/settings/members/" + member.id() + "/role", "role"),
                new Form("/settings/members/" + member.id() + "/remove", List.of(), true),
                new Form("/settings/providers/openai", "key"),
                new Form("/settings/providers/openai/test"),
                new Form("/settings/providers/openai/remove"),
                new Form("/invitations/" + invitation + "/accept"),
                new Form("/signup", "displayName", "email", "password", "organizationName"),
                new Form("/login", "username", "password"),
                new Form("/invitations/" + invitation + "/register", "displayName", "password"));
        List<Form> adminForms = List.of(
                new Form("/admin/organizations/" + org.id() + "/tier", "tier"),
                new Form("/admin/organizations/" + org.id() + "/suspend", List.of("reason"), true),
                new Form("/admin/organizations/" + org.id() + "/reinstate"),
                new Form("/admin/models", "provider", "model", "inputPrice", "outputPrice", "contextWindow", "minTier", "active"));

        SoftAssertions softly = new SoftAssertions();
        var ownerSession = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        postEach(softly, ownerSession, memberForms);
        var superAdmin = mother.superAdmin();
        postEach(softly, signIn(mvc, superAdmin.email(), OrganizationMother.PASSWORD), adminForms);
        softly.assertAll();

        assertThat(TenantContext.callAs(org.id(), () -> agents.get(owner, agent)).settings().name()).isEqualTo("Target");
    }

    private void postEach(SoftAssertions softly, RequestPostProcessor session, List<Form> forms) throws Exception {
        for (Form form : forms) {
            for (boolean htmx : new boolean[] {false, true}) {
                var nul = post(form.action()).with(session).with(csrf()).with(freshAddress());
                form.fields().forEach(f -> nul.param(f, NUL));
                if (form.fields().isEmpty()) {
                    nul.param("x", NUL);
                }
                if (htmx) {
                    nul.header("HX-Request", "true");
                }
                var refused = mvc.perform(nul).andReturn().getResponse();
                softly.assertThat(refused.getStatus()).as("NUL to " + form.action() + (htmx ? " (htmx)" : "")).isEqualTo(400);
                softly.assertThat(refused.getContentAsString()).as(form.action()).doesNotContain("Exception").doesNotContain("at com.");

                if (!form.destructive()) {
                    var missing = post(form.action()).with(session).with(csrf()).with(freshAddress());
                    if (htmx) {
                        missing.header("HX-Request", "true");
                    }
                    var response = mvc.perform(missing).andReturn().getResponse();
                    softly.assertThat(response.getStatus()).as("missing fields to " + form.action() + (htmx ? " (htmx)" : ""))
                            .isLessThan(500);
                    softly.assertThat(response.getContentAsString()).as(form.action()).doesNotContain("Exception")
                            .doesNotContain("at com.");
                }
            }
        }
    }
}
