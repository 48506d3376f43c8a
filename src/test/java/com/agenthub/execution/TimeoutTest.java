package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AgentHubTest
class TimeoutTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ApiTokenService tokens;

    @Test
    void aRunPastItsDeadlineMidStreamEndsTimedOutWithItsPartialOutput() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        UUID agent = agent(org, "Slowpoke", 5);
        String id = api.post("/api/v1/agents/" + agent + "/execute", "{\"task\": \"Take your time [veryslow]\"}")
                .json().get("id").asString();

        JsonNode run = awaitFinished(api, id, 15);

        assertThat(run.get("status").asString()).isEqualTo("timed_out");
        assertThat(run.get("output").asString()).startsWith("part-01").doesNotContain("part-20");
        assertThat(run.get("error").asString()).contains("deadline");
        assertThat(run.get("duration_ms").asLong()).isBetween(3_000L, 8_000L);
    }

    @Test
    void aQueuedRunPastItsDeadlineTimesOutWithoutStarting() {
        var org = mother.organization(Tier.FREE); // one concurrent run
        Api api = api(org);
        UUID patient = agent(org, "Patient", 60);
        UUID hasty = agent(org, "Hasty", 5);
        String blocker = api.post("/api/v1/agents/" + patient + "/execute", "{\"task\": \"Hold the slot [veryslow]\"}")
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/executions/" + blocker).json()
                .get("status").asString().equals("running"));
        String waiting = api.post("/api/v1/agents/" + hasty + "/execute", "{\"task\": \"Quick one\"}").json().get("id").asString();

        JsonNode run = awaitFinished(api, waiting, 25);

        assertThat(run.get("status").asString()).isEqualTo("timed_out");
        assertThat(run.get("attempts").asInt()).isZero();
        assertThat(run.get("error").asString()).contains("waited past its deadline");
    }

    @Test
    void aTimeoutAboveThePlansMaximumIsRefused() {
        var org = mother.organization(Tier.FREE);
        var refused = api(org).post("/api/v1/agents", "{\"name\": \"Patient\", \"model_config\": {\"model\": \"sandbox\"}, "
                + "\"timeout_seconds\": 120}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("timeout_seconds");
        assertThat(refused.json().at("/errors/0/message").asString()).isEqualTo("Your Free plan allows runs of up to 60 seconds.");
    }

    private JsonNode awaitFinished(Api api, String id, int seconds) {
        JsonNode[] run = {null};
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(100)).until(() -> {
            run[0] = api.get("/api/v1/executions/" + id).json();
            String status = run[0].get("status").asString();
            return !status.equals("queued") && !status.equals("running");
        });
        return run[0];
    }

    private UUID agent(OrganizationMother.TestOrg org, String name, int timeoutSeconds) {
        var s = AgentMother.onFakeOpenAi(name);
        var settings = new AgentSettings(s.name(), s.description(), s.modelConfig(), s.personality(), s.instructions(),
                s.tools(), s.memory(), false, timeoutSeconds);
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    private Api api(OrganizationMother.TestOrg org) {
        return new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "t")).secret());
    }
}
