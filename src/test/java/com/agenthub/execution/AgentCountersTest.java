package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.AgentView;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.ConflictException;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agent's run counters and status are written by finishing runs alone, and no finish is lost. */
@AgentHubTest
class AgentCountersTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void editingAnAgentWhileItsRunsFinishLosesNoCountAndLeavesItIdle() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var settings = AgentMother.onFakeOpenAi("Edited while running");
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, settings)).id();

        ExecutorService submitters = Executors.newFixedThreadPool(10);
        List<CompletableFuture<ExecutionView>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String task = "Run " + i + " [wait:" + (100 + 80 * i) + "]";
                runs.add(CompletableFuture.supplyAsync(() -> Runs.toEnd(executions, owner, agent, task), submitters));
            }
            while (runs.stream().anyMatch(r -> !r.isDone())) {
                TenantContext.runAs(org.id(), () -> agents.update(owner, agent, settings)); // saves the whole entity
                sleep(20); // an admin saving as fast as a form allows, and then some
            }
        } finally {
            submitters.shutdown();
        }
        runs.forEach(r -> assertThat(r.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED));

        AgentView after = TenantContext.callAs(org.id(), () -> agents.get(owner, agent));
        assertThat(after.metrics().runs()).isEqualTo(10);
        assertThat(after.metrics().successes()).isEqualTo(10);
        assertThat(after.metrics().totalTokens()).isEqualTo(10L * (FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS));
        assertThat(after.status()).isEqualTo(AgentStatus.IDLE);
    }

    @Test
    void aCancelRacingAFinishingRunRecordsOneWholeOutcomeAndTheAgentEndsIdle() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        UUID agent = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.onFakeOpenAi("Raced"))).id();
        int rounds = 12;
        for (int i = 0; i < rounds; i++) {
            String marker = "[race-" + UUID.randomUUID() + "]";
            var hold = FakeOpenAi.shared().hold(marker);
            var run = TenantContext.callAs(org.id(), () -> executions.submit(owner, agent, new SubmitRun("Race " + marker, null, null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().requestsContaining(marker).isEmpty());
            hold.countDown(); // the answer arrives while the cancel is being made
            try {
                TenantContext.runAs(org.id(), () -> executions.cancel(owner, run.id()));
            } catch (ConflictException alreadyFinished) {
                // the run won the race
            }
            ExecutionView[] ended = {null};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                ended[0] = TenantContext.callAs(org.id(), () -> executions.get(owner, run.id()));
                return ended[0].status().finished() && ended[0].durationMs() != null;
            });
            ExecutionView outcome = ended[0];
            assertThat(outcome.status()).isIn(ExecutionStatus.SUCCEEDED, ExecutionStatus.CANCELLED);
            String whole = "Fake answer to: Race " + marker;
            if (outcome.status() == ExecutionStatus.SUCCEEDED) {
                assertThat(outcome.output()).isEqualTo(whole);
            } else if (outcome.output() != null && !outcome.output().isEmpty()) {
                assertThat(whole).startsWith(outcome.output()); // what had arrived when the stream was closed
            }
            if (outcome.output() != null && !outcome.output().isEmpty()) {
                assertThat(outcome.cost()).isGreaterThan(BigDecimal.ZERO);
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            AgentView after = TenantContext.callAs(org.id(), () -> agents.get(owner, agent));
            assertThat(after.metrics().runs()).isEqualTo(rounds);
            assertThat(after.status()).isEqualTo(AgentStatus.IDLE);
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
