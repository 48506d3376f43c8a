package com.agenthub.llm;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class ProvidersPageTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;

    @Test
    void anAdminSavesAKeySeesOnlyItsHintAndTestsTheConnectionInline() throws Exception {
        var org = mother.organization(Tier.STARTER);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        mvc.perform(post("/settings/providers/openai").with(session).with(csrf()).param("key", "sk-page-key-98765"))
                .andExpect(redirectedUrl("/settings/providers"));
        String page = mvc.perform(get("/settings/providers").with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String result = mvc.perform(post("/settings/providers/openai/test").with(session).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your key: …8765").doesNotContain("sk-page-key-98765");
        assertThat(result).contains("data-testid=\"test-ok\"").contains("(your key).").doesNotContain("<html");
    }

    @Test
    void aFreeOrganizationIsToldWhichPlanAllowsOwnKeysAndCannotPostOne() throws Exception {
        var org = mother.organization(Tier.FREE);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/settings/providers").with(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"byok-refused\"").contains("Starter plan").doesNotContain("Save key");
        mvc.perform(post("/settings/providers/openai").with(session).with(csrf()).param("key", "sk-sneaky-123456"))
                .andExpect(status().isForbidden());
    }
}
