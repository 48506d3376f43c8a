package com.agenthub.execution;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import com.agenthub.support.FakeOpenAi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The tier and catalog rules for an agent's model hold when it runs, not only when the agent was saved. */
@AgentHubTest
class ModelGateTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ApiTokenService tokens;
    @Autowired EmbeddedPostgres postgres;

    @Test
    void aDowngradedOrganizationCannotRunAModelItsNewPlanLacksAndTheAgentPageSaysSo() throws Exception {
        var org = mother.organization(Tier.STARTER);
        UUID agent = agentOn(org, "gpt-4.1"); // Starter and up
        Api api = api(org);
        owner().update("UPDATE organizations SET tier = 'FREE' WHERE id = ?", org.id());

        var refused = api.post("/api/v1/agents/" + agent + "/execute", "{\"task\": \"Still allowed?\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("needs the Starter plan or higher")
                .contains("Pick another model");
        String page = mvc.perform(get("/agents/" + agent).with(signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"model-problem\"").contains("needs the Starter plan or higher");
    }

    @Test
    void aRunWaitingWhenItsModelIsDeactivatedIsNotStartedAndNeverReachesTheProvider() {
        var org = mother.organization(Tier.FREE); // one run at a time
        UUID holder = agentOn(org, "gpt-4o-mini");
        UUID agent = agentOn(org, "gpt-5-mini");
        Api api = api(org);
        String holdMarker = "[gate-" + UUID.randomUUID() + "]";
        var hold = FakeOpenAi.shared().hold(holdMarker);
        String marker = "[gated-" + UUID.randomUUID() + "]";
        try {
            api.post("/api/v1/agents/" + holder + "/execute", "{\"task\": \"Hold " + holdMarker + "\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().requestsContaining(holdMarker).isEmpty());
            String waiting = api.post("/api/v1/agents/" + agent + "/execute", "{\"task\": \"Wait " + marker + "\"}")
                    .json().get("id").asString();
            owner().update("UPDATE model_catalog SET active = false WHERE provider = 'openai' AND model = 'gpt-5-mini'");
            hold.countDown();

            JsonNode[] run = {null};
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                run[0] = api.get("/api/v1/executions/" + waiting).json();
                return run[0].get("status").asString().equals("failed");
            });
            assertThat(run[0].get("error").asString()).startsWith("Not started: GPT-5 mini is not offered at the moment.");
            assertThat(run[0].get("attempts").asInt()).isZero();
            assertThat(FakeOpenAi.shared().requestsContaining(marker)).isEmpty();
        } finally {
            hold.countDown();
            owner().update("UPDATE model_catalog SET active = true WHERE provider = 'openai' AND model = 'gpt-5-mini'");
        }
    }

    private JdbcTemplate owner() {
        return new JdbcTemplate(postgres.getDatabase("postgres", "agenthub"));
    }

    private UUID agentOn(OrganizationMother.TestOrg org, String model) {
        var settings = AgentMother.withModel(AgentMother.settings("On " + model), m -> new AgentSettings.ModelConfig(
                "openai", model, m.temperature(), 1000, m.topP(), null, null));
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    private Api api(OrganizationMother.TestOrg org) {
        return new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "gate")).secret());
    }
}
