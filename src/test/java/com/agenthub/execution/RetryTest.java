package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AgentHubTest
class RetryTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired com.agenthub.llm.ProviderKeys keys;

    OrganizationMother.TestOrg org;
    UUID agentId;

    @BeforeEach
    void anAgentOnTheFakeProvider() {
        org = mother.organization(Tier.GROWTH);
        // An own key per test: its circuit breaker is this test's alone.
        TenantContext.runAs(org.id(), () -> keys.save(mother.owner(org), com.agenthub.llm.Provider.OPENAI,
                "sk-retry-" + UUID.randomUUID()));
        var settings = AgentMother.onFakeOpenAi("Persistent");
        agentId = TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    @Test
    void transientFailuresAreRetriedWithEachAttemptAnEvent() {
        ExecutionView run = runToEnd("Answer despite hiccups [flaky:2] " + UUID.randomUUID());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(3);
        var events = TenantContext.callAs(org.id(), () -> executions.events(mother.owner(org), run.id()));
        assertThat(events).filteredOn(e -> e.kind().equals("RETRY")).hasSize(2)
                .allSatisfy(e -> assertThat(e.message()).contains("server error"));
    }

    @Test
    void aRateLimitedCallWaitsAsLongAsTheProviderAsks() {
        ExecutionView run = runToEnd("Slow down [retryafter:2] " + UUID.randomUUID());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(run.durationMs()).isGreaterThanOrEqualTo(2_000L); // the backoff alone would be about 300 ms
        var events = TenantContext.callAs(org.id(), () -> executions.events(mother.owner(org), run.id()));
        assertThat(events).filteredOn(e -> e.kind().equals("RETRY")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("429, retry after 2000 ms"));
    }

    @Test
    void aProviderThatKeepsFailingFailsTheRunAfterTheLastAttempt() {
        ExecutionView run = runToEnd("Never works [status:500]");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.attempts()).isEqualTo(RunRecorder.MAX_RETRIES + 1);
        assertThat(run.error()).contains("server error").contains("after 4 attempts");
    }

    @Test
    void aNonTransientFailureIsNotRetried() {
        ExecutionView run = runToEnd("Bad key [status:401]");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(run.error()).contains("rejected the API key");
    }

    private ExecutionView runToEnd(String task) {
        return Runs.toEnd(executions, mother.owner(org), agentId, task);
    }
}
