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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What the provider sees when a run ends: its connection closed, not an answer streamed to nobody. */
@AgentHubTest
class ProviderConnectionTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ApiTokenService tokens;
    @Autowired EmbeddedPostgres postgres;

    @Test
    void cancellingARunClosesItsConnectionToTheProviderWithinASecond() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String marker = "[c-" + UUID.randomUUID() + "]";
        String id = api.post("/api/v1/agents/" + agent(org, 300) + "/execute", "{\"task\": \"Thirty seconds " + marker + " [long]\"}")
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/executions/" + id).json().get("status").asString()
                .equals("running"));
        sleep(1_000);

        long cancelledAt = System.nanoTime();
        assertThat(api.post("/api/v1/executions/" + id + "/cancel", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(5)).until(() -> FakeOpenAi.shared().closedByClient(marker) != null);
        Duration closedAfter = Duration.ofNanos(FakeOpenAi.shared().closedByClient(marker) - cancelledAt);
        System.out.println("Provider saw the connection close " + closedAfter.toMillis() + " ms after the cancel");
        assertThat(closedAfter).isLessThan(Duration.ofMillis(1_500));
        JsonNode run = awaitRecorded(api, id);
        assertThat(run.get("status").asString()).isEqualTo("cancelled");
        assertThat(run.get("output").asString()).startsWith("part-001").doesNotContain("part-300");
        assertThat(FakeOpenAi.shared().requestsContaining(marker)).hasSize(1);
    }

    @Test
    void theDeadlineClosesTheConnectionToo() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String marker = "[d-" + UUID.randomUUID() + "]";
        String id = api.post("/api/v1/agents/" + agent(org, 5) + "/execute", "{\"task\": \"Too long " + marker + " [long]\"}")
                .json().get("id").asString();

        JsonNode run = awaitRecorded(api, id);
        long recordedAt = System.nanoTime();

        assertThat(run.get("status").asString()).isEqualTo("timed_out");
        await().atMost(Duration.ofSeconds(2)).until(() -> FakeOpenAi.shared().closedByClient(marker) != null);
        assertThat(Duration.ofNanos(recordedAt - FakeOpenAi.shared().closedByClient(marker))).isLessThan(Duration.ofSeconds(3));
        assertThat(run.get("output").asString()).startsWith("part-001").doesNotContain("part-300");
    }

    @Test
    void aStreamThatGoesIdleIsClosedBeforeItsRetryOpensAnotherConnection() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String marker = "[i-" + UUID.randomUUID() + "]";
        String id = api.post("/api/v1/agents/" + agent(org, 60) + "/execute", "{\"task\": \"Goes quiet " + marker + " [stall:1]\"}")
                .json().get("id").asString();

        JsonNode run = awaitRecorded(api, id);

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        var received = FakeOpenAi.shared().receivedAt(marker);
        assertThat(received).hasSize(2);
        Long closed = FakeOpenAi.shared().closedByClient(marker);
        assertThat(closed).as("the provider saw the idle stream's connection closed").isNotNull();
        System.out.println("Provider saw the idle connection close " + (received.get(1) - closed) / 1_000_000
                + " ms before the retry arrived");
        assertThat(closed).as("closed before the retry arrived").isLessThan(received.get(1));
        assertThat(Duration.ofNanos(closed - received.get(0))).as("idle timeout is 2 s in tests")
                .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_500));
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonIsAFailureThatKeepsItsText() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String id = api.post("/api/v1/agents/" + agent(org, 60) + "/execute", "{\"task\": \"Cut short [nofinish]\"}")
                .json().get("id").asString();

        JsonNode run = awaitRecorded(api, id);

        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("ended the answer before it was complete");
        assertThat(run.get("output").asString()).startsWith("Fake answer to: Cut short");
        assertThat(run.get("output_tokens").asInt()).isPositive();
        assertThat(run.get("cost").decimalValue()).isPositive();
    }

    @Test
    void aStreamThatBreaksMidWayKeepsItsPartialOutputTokensAndCost() {
        var org = mother.organization(Tier.GROWTH);
        Api api = api(org);
        String id = api.post("/api/v1/agents/" + agent(org, 60) + "/execute",
                "{\"task\": \"A long enough answer to be cut in the middle of its stream [break]\"}").json().get("id").asString();

        JsonNode run = awaitRecorded(api, id);

        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("closed the connection before its answer was complete")
                .doesNotContain("no details").doesNotContain("not found: limit");
        assertThat(run.get("output").asString()).startsWith("Fake answer to:");
        assertThat(run.get("output_tokens").asInt()).isPositive();
        assertThat(run.get("cost").decimalValue()).isPositive();
    }

    @Test
    void aRunWithTooLittleTimeLeftIsNotStartedAndNeverReachesTheProvider() {
        var org = mother.organization(Tier.FREE); // one run at a time
        Api api = api(org);
        UUID agent = agent(org, 60);
        String holdMarker = "[h-" + UUID.randomUUID() + "]";
        var hold = FakeOpenAi.shared().hold(holdMarker);
        String first = api.post("/api/v1/agents/" + agent + "/execute", "{\"task\": \"Hold " + holdMarker + "\"}")
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().requestsContaining(holdMarker).isEmpty());
        String marker = "[late-" + UUID.randomUUID() + "]";
        String late = api.post("/api/v1/agents/" + agent + "/execute", "{\"task\": \"Late " + marker + "\"}")
                .json().get("id").asString();
        new JdbcTemplate(postgres.getDatabase("postgres", "agenthub")).update(
                "UPDATE executions SET deadline_at = now() + interval '2500 milliseconds' WHERE id = ?::uuid", late);

        hold.countDown();

        JsonNode run = awaitRecorded(api, late);
        assertThat(run.get("status").asString()).isEqualTo("timed_out");
        assertThat(run.get("attempts").asInt()).isZero();
        assertThat(run.get("error").asString()).contains("too little for an answer");
        assertThat(FakeOpenAi.shared().requestsContaining(marker)).isEmpty();
        assertThat(awaitRecorded(api, first).get("status").asString()).isEqualTo("succeeded");
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/agents/" + agent).json().at("/metrics/runs").asInt() == 2);
    }

    private JsonNode awaitRecorded(Api api, String id) {
        JsonNode[] run = {null};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            run[0] = api.get("/api/v1/executions/" + id).json();
            return !run[0].get("status").asString().equals("queued") && !run[0].get("status").asString().equals("running");
        });
        return run[0];
    }

    private UUID agent(OrganizationMother.TestOrg org, int timeoutSeconds) {
        var s = AgentMother.onFakeOpenAi("Streamer");
        var settings = new AgentSettings(s.name(), s.description(), s.modelConfig(), s.personality(), s.instructions(),
                s.tools(), s.memory(), false, timeoutSeconds);
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    private Api api(OrganizationMother.TestOrg org) {
        return new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "p")).secret());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
