package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.llm.Provider;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 500 runs against a provider failing 30% of calls with 429s, 500s, hangs and malformed bodies: every run
 * ends, through retries or the fallback model, or with a clear error, and no run is left behind.
 */
@AgentHubTest
class FaultInjectionTest {

    private static final int RUNS = 500;

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired ProviderKeys keys;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void everyRunEndsThroughRetriesOrFallbackOrAClearError() throws Exception {
        var org = mother.organization(Tier.ENTERPRISE); // 50 concurrent runs
        var owner = mother.owner(org);
        // The organization's own OpenAI key: this breaker is the test's alone.
        TenantContext.runAs(org.id(), () -> keys.save(owner, Provider.OPENAI, "sk-chaos-" + UUID.randomUUID()));
        AgentSettings settings = AgentMother.withModel(AgentMother.settings("Chaotic"), m -> new AgentSettings.ModelConfig(
                "openai", "gpt-4o-mini", m.temperature(), 1000, m.topP(), "groq", "llama-3.1-8b-instant"));
        UUID agentId = TenantContext.callAs(org.id(), () -> agents.create(owner, settings)).id();
        Map<String, Integer> faultsBefore = FakeOpenAi.shared().chaosInjected();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            pool.invokeAll(IntStream.range(0, RUNS).<Callable<Void>>mapToObj(i -> () -> {
                TenantContext.runAs(org.id(), () -> executions.submit(owner, agentId, new SubmitRun("Run " + i + " [chaos]", null, null)));
                return null;
            }).toList());
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(org.id(), "status IN ('QUEUED', 'RUNNING')") == 0);

        Map<String, Long> byStatus = TenantContext.callAs(org.id(), () -> transaction.execute(s -> jdbc.sql(
                "SELECT status, count(*) FROM executions WHERE org_id = ? GROUP BY status").param(org.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        Map<String, Integer> faults = FakeOpenAi.shared().chaosInjected();
        int injected = faults.values().stream().mapToInt(Integer::intValue).sum()
                - faultsBefore.values().stream().mapToInt(Integer::intValue).sum();
        long retried = count(org.id(), "attempts > 1");
        long fellBack = count(org.id(), "provider = 'groq'");
        System.out.printf("Fault injection: %d runs, %d faults injected %s; outcome %s; %d runs retried, %d answered by the fallback%n",
                RUNS, injected, faults, byStatus, retried, fellBack);

        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RUNS);
        assertThat(byStatus.keySet()).isSubsetOf("SUCCEEDED", "FAILED", "TIMED_OUT");
        assertThat(byStatus.getOrDefault("SUCCEEDED", 0L)).isGreaterThan(RUNS * 95L / 100);
        assertThat(injected).isGreaterThan(RUNS / 10);
        assertThat(retried).isGreaterThan(RUNS / 10);
        assertThat(count(org.id(), "status = 'SUCCEEDED' AND (output IS NULL OR output = '')")).isZero();
        assertThat(count(org.id(), "status <> 'SUCCEEDED' AND (error IS NULL OR error = '')")).isZero();
        List<String> errors = TenantContext.callAs(org.id(), () -> transaction.execute(s -> jdbc.sql(
                "SELECT DISTINCT error FROM executions WHERE org_id = ? AND status <> 'SUCCEEDED'").param(org.id())
                .query(String.class).list()));
        System.out.println("Fault injection errors: " + errors);
        // Each retry is an event on the execution.
        assertThat(count(org.id(), "attempts > 1 AND attempts - 1 > (SELECT count(*) FROM execution_events v "
                + "WHERE v.execution_id = executions.id AND v.kind = 'RETRY')")).isZero();
    }

    private long count(UUID orgId, String condition) {
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> jdbc.sql(
                "SELECT count(*) FROM executions WHERE org_id = ? AND " + condition).param(orgId).query(Long.class).single()));
    }
}
