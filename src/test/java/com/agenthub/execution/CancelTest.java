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
import com.agenthub.support.FakeOpenAi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AgentHubTest
class CancelTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ApiTokenService tokens;

    @Test
    void cancellingMidStreamClosesTheStreamAndKeepsThePartialOutput() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String agentId = fakeAgent(org).toString();
        String id = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Long answer [slow]\"}").json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/executions/" + id).json().get("status").asString().equals("running"));
        sleep(400); // a few chunks arrive

        var cancelled = api.post("/api/v1/executions/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        JsonNode run = awaitRecorded(api, id);
        assertThat(run.get("status").asString()).isEqualTo("cancelled");
        assertThat(run.get("output").asString()).startsWith("part-01").doesNotContain("part-20");
        assertThat(run.get("error").asString()).startsWith("Cancelled by ");
        assertThat(run.get("duration_ms").asLong()).isLessThan(1_200);
        assertThat(api.get("/api/v1/agents/" + agentId).json().at("/metrics/runs").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/agents/" + agentId).json().at("/metrics/success_rate").asDouble()).isZero();

        var again = api.post("/api/v1/executions/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already ended");
    }

    @Test
    void aCancelledQueuedRunNeverStarts() {
        var org = mother.organization(Tier.FREE); // one concurrent run
        Api api = api(org);
        String agentId = fakeAgent(org).toString();
        String first = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Occupy the slot [slow]\"}")
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/executions/" + first).json().get("status").asString().equals("running"));
        String marker = "[queued-" + UUID.randomUUID() + "]";
        String second = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Wait " + marker + "\"}")
                .json().get("id").asString();

        var cancelled = api.post("/api/v1/executions/" + second + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/v1/executions/" + first).json()
                .get("status").asString().equals("succeeded"));
        sleep(1_500); // the queued job's retries would have started it by now
        JsonNode run = api.get("/api/v1/executions/" + second).json();
        assertThat(run.get("status").asString()).isEqualTo("cancelled");
        assertThat(run.get("attempts").asInt()).isZero();
        assertThat(run.get("started_at").isNull()).isTrue();
        assertThat(FakeOpenAi.shared().requestsContaining(marker)).isEmpty();
    }

    private JsonNode awaitRecorded(Api api, String id) {
        JsonNode[] run = {null};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            run[0] = api.get("/api/v1/executions/" + id).json();
            return !run[0].get("duration_ms").isNull();
        });
        return run[0];
    }

    private UUID fakeAgent(OrganizationMother.TestOrg org) {
        AgentSettings settings = AgentMother.onFakeOpenAi("Talker");
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    private Api api(OrganizationMother.TestOrg org) {
        return new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "c")).secret());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
