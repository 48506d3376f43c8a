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

    /** Submits and waits for runs in parallel: the common pool has one thread on two cores. */
    private static final java.util.concurrent.ExecutorService SUBMITTERS = java.util.concurrent.Executors.newFixedThreadPool(10,
            r -> {
                Thread t = new Thread(r, "circuit-test-submitter");
                t.setDaemon(true);
                return t;
            });

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

            // A run's call counts once, after its retries: ten runs failing on OpenAI open the circuit.
            java.util.List<java.util.concurrent.CompletableFuture<ExecutionView>> more = new java.util.ArrayList<>();
            for (int i = 2; i <= 10; i++) {
                String task = "Run " + i + " while down";
                more.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> run(org, agent, task), SUBMITTERS));
            }
            more.forEach(f -> assertThat(f.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED));
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
        for (int trial = 1; trial <= 3; trial++) { // half-open lets three trial calls decide
            ExecutionView recovered = run(org, agent, "After recovery " + trial);
            assertThat(recovered.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(recovered.provider()).isEqualTo("openai");
        }
        assertThat(circuits.states()).filteredOn(c -> c.name().equals(ProviderCircuits.name(Provider.OPENAI, key)))
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("CLOSED"));
    }

    @Test
    void weatherThatRetriesAbsorbNeverOpensTheCircuit() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        String key = "sk-weather-" + UUID.randomUUID();
        TenantContext.runAs(org.id(), () -> keys.save(owner, Provider.OPENAI, key));
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.onFakeOpenAi("Weathered"))).id();

        // 30% of calls fail with 503: about one call in three is retried, and four attempts absorb it.
        java.util.List<java.util.concurrent.CompletableFuture<ExecutionView>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String task = "Weather " + i + " [weather]";
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> run(org, agent, task), SUBMITTERS));
        }
        var finished = runs.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(finished).filteredOn(r -> r.attempts() > 1).isNotEmpty();
        // A run fails only when all four attempts do (0.3^4, under 1%).
        assertThat(finished).filteredOn(r -> r.status() == ExecutionStatus.SUCCEEDED).hasSizeGreaterThanOrEqualTo(38);
        assertThat(finished).noneSatisfy(r -> assertThat(r.error()).contains("circuit open"));
        assertThat(circuits.states()).filteredOn(c -> c.name().equals(ProviderCircuits.name(Provider.OPENAI, key)))
                .singleElement().satisfies(c -> {
                    assertThat(c.state()).isEqualTo("CLOSED");
                    assertThat(c.bufferedCalls()).isEqualTo(40);
                });
    }

    @Test
    void badRequestsAreNeitherRetriedNorCountedAgainstTheProvider() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        String key = "sk-bad-requests-" + UUID.randomUUID();
        TenantContext.runAs(org.id(), () -> keys.save(owner, Provider.OPENAI, key));
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.onFakeOpenAi("Refused"))).id();

        for (int i = 0; i < 12; i++) {
            ExecutionView refused = run(org, agent, "Refused " + i + " [status:400]");
            assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.error()).startsWith("OpenAI refused the request (400)");
        }

        assertThat(circuits.states()).filteredOn(c -> c.name().equals(ProviderCircuits.name(Provider.OPENAI, key)))
                .singleElement().satisfies(c -> {
                    assertThat(c.state()).isEqualTo("CLOSED");
                    assertThat(c.failureRate()).isLessThanOrEqualTo(0f);
                });
    }

    private ExecutionView run(OrganizationMother.TestOrg org, UUID agent, String task) {
        return Runs.toEnd(executions, mother.owner(org), agent, task);
    }

    private java.util.List<String> events(OrganizationMother.TestOrg org, ExecutionView run) {
        return TenantContext.callAs(org.id(), () -> executions.events(mother.owner(org), run.id())).stream()
                .map(e -> e.kind() + " " + e.message()).toList();
    }
}
