package com.agenthub.execution;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Admin → System status while a run is in progress (it answered 500 then, found by running the jar). */
@AgentHubTest
class SystemStatusWhileRunningTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void theStatusPageListsRunningJobsByInstance() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), AgentMother.onFakeOpenAi("Busy"))).id();
        String marker = "[status-" + UUID.randomUUID() + "]";
        var hold = FakeOpenAi.shared().hold(marker);
        try {
            TenantContext.callAs(org.id(), () -> executions.submit(mother.owner(org), agent, new SubmitRun("Hold " + marker, null, null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().requestsContaining(marker).isEmpty());
            var admin = signIn(mvc, mother.superAdmin().email(), OrganizationMother.PASSWORD);

            String page = mvc.perform(get("/admin/status").with(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();

            assertThat(page).contains("Running jobs by instance").doesNotContain("Nothing running.");
        } finally {
            hold.countDown();
        }
    }
}
