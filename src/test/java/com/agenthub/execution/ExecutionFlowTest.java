package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.agent.MemoryMode;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import com.agenthub.support.FakeOpenAi;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submit → background job → provider over HTTP (the fake) → live SSE → stored result, cost, metrics, memory. */
@AgentHubTest
class ExecutionFlowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;
    @Autowired AgentService agents;
    @Autowired ExecutionRunner runner;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    OrganizationMother.TestOrg org;
    Api api;
    String token;
    UUID agentId;

    @BeforeEach
    void anAgentOnTheFakeOpenAi() {
        org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        AgentSettings settings = AgentMother.withModel(AgentMother.settings("Planner"), m -> new AgentSettings.ModelConfig(
                "openai", "gpt-4o-mini", m.temperature(), 2000, m.topP(), null, null));
        agentId = TenantContext.callAs(org.id(), () -> agents.create(owner, settings)).id();
        token = TenantContext.callAs(org.id(), () -> tokens.create(owner, "flow")).secret();
        api = new Api(port, token);
    }

    @Test
    void chunksReachAnSseClientInOrderAndTheResultTokensCostMetricsAndMemoryAreStored() throws Exception {
        var submitted = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Plan the week [slow]\"}");
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().get("id").asString();

        List<String> chunks = new ArrayList<>();
        String doneStatus = readStream(id, chunks);

        assertThat(doneStatus).isEqualTo("succeeded");
        assertThat(chunks).hasSizeGreaterThan(1);
        String expected = String.join("", java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(i -> String.format("part-%02d ", i)).toList());
        assertThat(String.join("", chunks)).isEqualTo(expected);

        JsonNode run = api.get("/api/v1/executions/" + id).json();
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("output").asString()).isEqualTo(expected);
        assertThat(run.get("provider").asString()).isEqualTo("openai");
        assertThat(run.get("input_tokens").asInt()).isEqualTo(FakeOpenAi.PROMPT_TOKENS);
        assertThat(run.get("output_tokens").asInt()).isEqualTo(FakeOpenAi.COMPLETION_TOKENS);
        // gpt-4o-mini: $0.15 and $0.60 per million input and output tokens.
        assertThat(run.get("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00066"));
        assertThat(run.get("attempts").asInt()).isEqualTo(1);

        JsonNode metrics = api.get("/api/v1/agents/" + agentId).json().get("metrics");
        assertThat(metrics.get("runs").asInt()).isEqualTo(1);
        assertThat(metrics.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("avg_tokens").asInt()).isEqualTo(2000);
        assertThat(metrics.get("avg_cost").decimalValue()).isEqualByComparingTo(new BigDecimal("0.00066"));

        api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"And the weekend? [memorycheck]\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().requestsContaining("[memorycheck]").isEmpty());
        JsonNode followUp = FakeOpenAi.shared().requestsContaining("[memorycheck]").get(0);
        assertThat(followUp.get("messages").toString()).contains("Plan the week [slow]").contains("part-20");
    }

    @Test
    void aRejectedKeyFailsTheRunWithAClearErrorAndCountsAFailedRun() {
        String id = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Anything [status:401]\"}")
                .json().get("id").asString();

        JsonNode run = awaitFinished(id);

        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("rejected the API key");
        JsonNode metrics = api.get("/api/v1/agents/" + agentId).json().get("metrics");
        assertThat(metrics.get("runs").asInt()).isEqualTo(1);
        assertThat(metrics.get("success_rate").asDouble()).isZero();
    }

    @Test
    void theMonthlyQuotaRefusesFurtherRunsAndNamesTheLimit() {
        TenantContext.runAs(org.id(), () -> transaction.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO org_limit_overrides (org_id, limit_name, limit_value) VALUES (?, 'max_executions_per_month', 2)",
                org.id())));
        assertThat(api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"one\"}").status()).isEqualTo(202);
        assertThat(api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"two\"}").status()).isEqualTo(202);

        var refused = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"three\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("allows 2 executions a month");
    }

    @Test
    void badRunRequestsAreRefusedClearly() {
        var notAnObject = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"x\", \"context\": [1, 2]}");
        var noTask = api.post("/api/v1/agents/" + agentId + "/execute", "{\"context\": {\"a\": 1}}");
        var tooMany = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"x\", \"max_tokens\": 0}");
        var unknownAgent = api.post("/api/v1/agents/" + UUID.randomUUID() + "/execute", "{\"task\": \"x\"}");

        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().at("/errors/0/field").asString()).isEqualTo("context");
        assertThat(noTask.json().at("/errors/0/field").asString()).isEqualTo("task");
        assertThat(tooMany.json().at("/errors/0/field").asString()).isEqualTo("max_tokens");
        assertThat(unknownAgent.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agents/" + agentId + "/executions").json().get("total").asInt()).isZero();
    }

    @Test
    void anOfflineAgentDoesNotRun() {
        api.patch("/api/v1/agents/" + agentId, "{}");
        TenantContext.runAs(org.id(), () -> agents.setOnline(mother.owner(org), agentId, false));
        var refused = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"x\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("offline");
    }

    @Test
    void aJobCarryingOneOrganizationCannotReadOrWriteAnothersExecution() {
        var other = mother.organization(Tier.GROWTH);
        var otherOwner = mother.owner(other);
        UUID otherAgent = TenantContext.callAs(other.id(), () -> agents.create(otherOwner, AgentMother.settings("Theirs"))).id();
        UUID theirs = UUID.randomUUID();
        TenantContext.runAs(other.id(), () -> transaction.executeWithoutResult(s -> jdbc.update(
                "INSERT INTO executions (id, org_id, agent_id, task, status) VALUES (?, ?, ?, 'private', 'QUEUED')",
                theirs, other.id(), otherAgent)));

        runner.run(new ExecutionJob(theirs, org.id())); // a forged job: their execution, our organization

        var row = TenantContext.callAs(other.id(), () -> transaction.execute(s -> jdbc.queryForMap(
                "SELECT status, attempts, (SELECT count(*) FROM execution_events WHERE execution_id = ?) AS events "
                        + "FROM executions WHERE id = ?", theirs, theirs)));
        assertThat(row).containsEntry("status", "QUEUED").containsEntry("attempts", 0).containsEntry("events", 0L);
        int touched = TenantContext.callAs(org.id(), () -> transaction.execute(s -> jdbc.update(
                "UPDATE executions SET status = 'FAILED' WHERE id = ?", theirs)));
        assertThat(touched).isZero();
    }

    private JsonNode awaitFinished(String id) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get("/api/v1/executions/" + id).json();
            String status = last[0].get("status").asString();
            return !status.equals("queued") && !status.equals("running");
        });
        return last[0];
    }

    @Test
    void aStreamOpenedAfterTheRunEndedSendsTheStoredOutputThenDone() throws Exception {
        String id = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"Already over\"}").json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/executions/" + id).json().get("status")
                .asString().equals("succeeded"));

        List<String> chunks = new ArrayList<>();
        String doneStatus = readStream(id, chunks);

        assertThat(doneStatus).isEqualTo("succeeded");
        assertThat(String.join("", chunks)).isEqualTo(api.get("/api/v1/executions/" + id).json().get("output").asString())
                .startsWith("Fake answer to: Already over");
    }

    private String readStream(String id, List<String> chunks) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/executions/" + id + "/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        String event = null;
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                JsonNode data = JSON.readTree(line.substring(5));
                if ("chunk".equals(event)) {
                    chunks.add(data.get("text").asString());
                } else if ("done".equals(event)) {
                    return data.get("status").asString();
                }
            }
        }
        return null;
    }
}
