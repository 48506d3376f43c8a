package com.agenthub.execution;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The organization's executions: searched by task text, filtered and paged, on the page and through the API. */
@AgentHubTest
class ExecutionFeedTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired ApiTokenService tokens;

    @Test
    void theApiListsTheOrganizationsRunsBySearchAndFilterAndPagesThroughThem() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Reporter"))).id();
        for (String task : List.of("Quarterly REPORT for sales", "Weekly report, 100% done", "Something else")) {
            Runs.toEnd(executions, owner, agent, task);
        }
        Api api = new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(owner, "feed")).secret());

        JsonNode found = api.get("/api/v1/executions?q=report&status=succeeded&agent_id=" + agent).json();
        assertThat(tasks(found)).containsExactly("Weekly report, 100% done", "Quarterly REPORT for sales");
        assertThat(tasks(api.get("/api/v1/executions?q=100%25").json())).containsExactly("Weekly report, 100% done");

        List<String> paged = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 5 && cursor != null; page++) {
            JsonNode one = api.get("/api/v1/executions?limit=1" + (cursor.isEmpty() ? "" : "&after=" + cursor)).json();
            paged.addAll(tasks(one));
            cursor = one.get("next_cursor").isNull() ? null : one.get("next_cursor").asString();
        }
        assertThat(paged).containsExactly("Something else", "Weekly report, 100% done", "Quarterly REPORT for sales");
        JsonNode last = api.get("/api/v1/executions?limit=2&after="
                + api.get("/api/v1/executions?limit=1").json().get("next_cursor").asString()).json();
        assertThat(last.get("next_cursor").isNull()).isTrue();
        JsonNode back = api.get("/api/v1/executions?limit=1&before=" + last.get("previous_cursor").asString()).json();
        assertThat(tasks(back)).containsExactly("Something else"); // one page back towards the newest
        assertThat(back.get("previous_cursor").isNull()).isTrue();

        var refused = api.get("/api/v1/executions?status=bogus&after=nonsense&limit=0");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("status").contains("after").contains("limit");

        var other = mother.organization(Tier.GROWTH);
        Api outsider = new Api(port, TenantContext.callAs(other.id(), () -> tokens.create(mother.owner(other), "o")).secret());
        assertThat(tasks(outsider.get("/api/v1/executions?q=report").json())).isEmpty();
    }

    @Test
    void theExecutionsPageSearchesTaskText() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Searcher"))).id();
        Runs.toEnd(executions, owner, agent, "Find the invoice from March");
        Runs.toEnd(executions, owner, agent, "Plan the offsite");
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/executions?q=INVOICE").with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Find the invoice from March").doesNotContain("Plan the offsite")
                .contains("value=\"INVOICE\"");

        for (int i = 0; i < 26; i++) { // two pages of 25
            Runs.toEnd(executions, owner, agent, "Bulk " + i);
        }
        String first = mvc.perform(get("/executions").with(session)).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("data-testid=\"older\"").doesNotContain("data-testid=\"newer\"");
        String older = mvc.perform(get(href(first, "older")).with(session)).andReturn().getResponse().getContentAsString();
        assertThat(older).contains("data-testid=\"newer\"").contains("Find the invoice from March");
        String newer = mvc.perform(get(href(older, "newer")).with(session)).andReturn().getResponse().getContentAsString();
        assertThat(newer).contains("Bulk 25").doesNotContain("data-testid=\"newer\"");
    }

    @Test
    void aQueuedRunsPageSaysItsPlaceInTheQueueAndRefreshesItselfUntilTheRunEnds() throws Exception {
        var org = mother.organization(Tier.FREE); // one run at a time
        var owner = mother.owner(org);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.onFakeOpenAi("Queued"))).id();
        String marker = "[q-" + UUID.randomUUID() + "]";
        var hold = com.agenthub.support.FakeOpenAi.shared().hold(marker);
        try {
            TenantContext.callAs(org.id(), () -> executions.submit(owner, agent, new SubmitRun("Hold " + marker, null, null)));
            await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !com.agenthub.support.FakeOpenAi.shared().requestsContaining(marker).isEmpty());
            var second = TenantContext.callAs(org.id(), () -> executions.submit(owner, agent, new SubmitRun("Wait", null, null)));
            var third = TenantContext.callAs(org.id(), () -> executions.submit(owner, agent, new SubmitRun("Wait more", null, null)));
            var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

            String next = mvc.perform(get("/executions/" + second.id()).with(session)).andReturn().getResponse().getContentAsString();
            String after = mvc.perform(get("/executions/" + third.id()).with(session)).andReturn().getResponse().getContentAsString();

            assertThat(next).contains("Next in your organization&#39;s queue").contains("hx-trigger=\"every 1s\"");
            assertThat(after).contains("Number 2 in your organization&#39;s queue");
        } finally {
            hold.countDown();
        }
        var done = Runs.toEnd(executions, owner, agent, "Quick");
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        String finished = mvc.perform(get("/executions/" + done.id()).with(session)).andReturn().getResponse().getContentAsString();
        assertThat(finished).doesNotContain("hx-trigger=\"every 1s\"").doesNotContain("in your organization&#39;s queue");
    }

    private static String href(String html, String testId) {
        var matcher = java.util.regex.Pattern.compile("data-testid=\"" + testId + "\"\\s+href=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a " + testId + " link").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static List<String> tasks(JsonNode feed) {
        List<String> tasks = new ArrayList<>();
        feed.get("executions").forEach(e -> tasks.add(e.get("task").asString()));
        return tasks;
    }
}
