package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.llm.Provider;
import com.agenthub.llm.ProviderCircuits;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With the organization's own key, so this breaker is the test's alone. */
@AgentHubTest
class CircuitBreakerTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired ProviderKeys keys;
    @Autowired ProviderCircuits circuits;

    @Test
    void aFailingProviderOpensItsCircuitRunsUseTheFallbackAndTheCircuitClosesOnceItRecovers() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        String key = "sk-circuit-" + UUID.randomUUID();
        TenantContext.runAs(org.id(), () -> keys.save(owner, Provider.OPENAI, key));
        var settings = AgentMother.withModel(AgentMother.settings("Resilient"), m -> new AgentSettings.ModelConfig(
                "openai", "gpt-4o-mini", m.temperature(), 1000, m.topP(), "groq", "llama-3.3-70b-versatile"));
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, settings)).id();
        FakeOpenAi.shared().setDown(key, true);
        try {
            ExecutionView first = run(org, agent, "First while down");
            assertThat(first.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(first.provider()).isEqualTo("groq");
            assertThat(first.model()).isEqualTo("llama-3.3-70b-versatile");
            assertThat(events(org, first)).anySatisfy(e -> assertThat(e).startsWith("FALLBACK").contains("Answering with Groq"));

            run(org, agent, "Second while down");
            run(org, agent, "Third while down"); // ten failed calls by now: the circuit opens
            String marker = "[open-" + UUID.randomUUID() + "]";
            ExecutionView third = run(org, agent, "Fourth while open " + marker);

            assertThat(third.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(third.provider()).isEqualTo("groq");
            assertThat(events(org, third)).anySatisfy(e -> assertThat(e).contains("circuit open"));
            assertThat(FakeOpenAi.shared().authorizationsFor(marker)).containsOnly("Bearer test-groq-key");
            assertThat(circuits.states()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo(ProviderCircuits.name(Provider.OPENAI, key));
                assertThat(c.state()).isEqualTo("OPEN");
            });
        } finally {
            FakeOpenAi.shared().setDown(key, false);
        }

        await().pollDelay(Duration.ofMillis(2_200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        ExecutionView recovered = run(org, agent, "After recovery");

        assertThat(recovered.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(recovered.provider()).isEqualTo("openai");
        assertThat(circuits.states()).filteredOn(c -> c.name().equals(ProviderCircuits.name(Provider.OPENAI, key)))
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("CLOSED"));
    }

    private ExecutionView run(OrganizationMother.TestOrg org, UUID agent, String task) {
        return Runs.toEnd(executions, mother.owner(org), agent, task);
    }

    private java.util.List<String> events(OrganizationMother.TestOrg org, ExecutionView run) {
        return TenantContext.callAs(org.id(), () -> executions.events(mother.owner(org), run.id())).stream()
                .map(e -> e.kind() + " " + e.message()).toList();
    }
}
