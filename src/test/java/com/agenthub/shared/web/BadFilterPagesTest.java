package com.agenthub.shared.web;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A hand-typed or stale URL with a bad filter shows the normal page, the problem next to the filter. */
@AgentHubTest
class BadFilterPagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/executions?status=BOGUS       | Executions | Use one of: queued, running",
            "/executions?from=notadate      | Executions | Use a date like 2025-01-31.",
            "/executions?to=2025-13-45      | Executions | Use a date like 2025-01-31.",
            "/executions?agent=not-an-id    | Executions | There is no such agent.",
            "/executions?by=42              | Executions | There is no such member.",
            "/agents?status=sleepy          | Agents     | Use one of: idle, busy, offline, error.",
            "/agents?offset=abc             | Agents     | offset must be a whole number from 0 up.",
            "/settings/members?offset=-3    | Settings   | Showing the first page."})
    void aBadFilterIsExplainedOnTheNormalPage(String url, String heading, String message) throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get(url).with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>" + heading).contains(message).doesNotContain("Not found");
    }

    @Test
    void theHtmxListWithABadFilterStillAnswersTheList() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/executions?status=BOGUS&from=x").header("HX-Request", "true").with(session))
                .andExpect(status().isOk());
        mvc.perform(get("/agents?status=BOGUS&offset=-1").header("HX-Request", "true").with(session))
                .andExpect(status().isOk());
    }

    @Test
    void aBadOffsetOnTheAdminPagesShowsTheFirstPage() throws Exception {
        var admin = mother.superAdmin();
        var session = signIn(mvc, admin.email(), OrganizationMother.PASSWORD);
        for (String url : new String[] {"/admin/audit?offset=x", "/admin/organizations?offset=-1"}) {
            String page = mvc.perform(get(url).with(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Showing the first page.");
        }
    }
}
