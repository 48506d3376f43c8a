package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class MetricsEndpointTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void prometheusShowsTheQueueRunsAndCircuitsToACallerOnThisMachine() {
        var org = mother.organization(Tier.FREE); // one slot: the second run waits, at low priority
        var owner = mother.owner(org);
        AgentSettings settings = AgentMother.onFakeOpenAi("Measured");
        UUID agentId = TenantContext.callAs(org.id(), () -> agents.create(owner, settings)).id();
        UUID first = TenantContext.callAs(org.id(), () -> executions.submit(owner, agentId, new SubmitRun("Hold [veryslow]", null, null)).id());
        UUID second = TenantContext.callAs(org.id(), () -> executions.submit(owner, agentId, new SubmitRun("Wait", null, null)).id());
        try {
            String[] body = {""};
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                body[0] = scrape();
                return value(body[0], "agenthub_queue_runs\\{priority=\"low\",state=\"waiting\"}") >= 1
                        && value(body[0], "agenthub_runs_running") >= 1;
            });
            assertThat(body[0]).contains("agenthub_runs_queued", "agenthub_runs_per_minute", "agenthub_runs_error_rate",
                    "agenthub_runs_oldest_queued_seconds", "agenthub_jobs_running{instance=");
            assertThat(value(body[0], "agenthub_runs_oldest_queued_seconds")).isGreaterThanOrEqualTo(0);
        } finally {
            TenantContext.runAs(org.id(), () -> {
                executions.cancel(owner, second);
                executions.cancel(owner, first);
            });
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> scrape().contains("agenthub_circuit_state{name=\"openai:platform\",state=\"closed\"} 1.0"));
    }

    @Test
    void aCallerElsewhereWithoutTheMetricsTokenIsRefused() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        })).andExpect(status().isUnauthorized());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double value(String body, String series) {
        var matcher = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
