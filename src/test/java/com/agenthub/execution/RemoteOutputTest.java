package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The LISTEN/NOTIFY relay used when a browser watches a run streaming on another instance. Notifications
 * go through PostgreSQL even within one instance, so the whole protocol is exercised here; the two-process
 * test in {@code SeveralInstancesIT} covers it across real instances.
 */
@AgentHubTest
class RemoteOutputTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired RemoteOutput remotes;
    @Autowired OutputChannel channel;

    @Test
    void aRunStartedAgainElsewhereResetsItsWatchersAndTheAttemptBeforeIsIgnored() {
        UUID id = UUID.randomUUID();
        List<String> pieces = new CopyOnWriteArrayList<>();
        RemoteOutput.Watch watch = remotes.watch(id, pieces::add, s -> pieces.add("done"), () -> pieces.add("<reset>"));
        try {
            channel.chunk(id, 1, 0, "first attempt, ");
            channel.chunk(id, 2, 0, "second attempt");
            channel.chunk(id, 1, 15, "first attempt goes on"); // a frozen instance wakes up and keeps streaming
            channel.chunk(id, 2, 14, ", done");
            await().atMost(Duration.ofSeconds(5)).until(() -> String.join("", pieces).endsWith(", done"));
        } finally {
            watch.close();
        }
        assertThat(pieces).containsExactly("first attempt, ", "<reset>", "second attempt", ", done");
        assertThat(watch.delivered()).isEqualTo("second attempt, done".length());
    }

    @Test
    void aWatcherJoiningMidRunGetsTheTextSoFarThenEachChunkInOrder() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        UUID agentId = fakeAgent(org);
        UUID id = TenantContext.callAs(org.id(), () -> executions.submit(owner, agentId,
                new SubmitRun("Stream it [slow]", null, null)).id());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> TenantContext.callAs(org.id(), () -> executions.get(owner, id)).status() == ExecutionStatus.RUNNING);
        sleep(300); // a few chunks have streamed before the watcher joins

        List<String> pieces = new CopyOnWriteArrayList<>();
        AtomicReference<ExecutionStatus> done = new AtomicReference<>();
        RemoteOutput.Watch watch = remotes.watch(id, pieces::add, done::set, () -> pieces.add("<reset>"));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> done.get() != null);
        } finally {
            watch.close();
        }

        ExecutionView stored = TenantContext.callAs(org.id(), () -> executions.get(owner, id));
        assertThat(done.get()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(String.join("", pieces)).isEqualTo(stored.output());
        assertThat(pieces.get(0)).startsWith("part-01 ").doesNotContain("part-20"); // the text so far, then the rest
        assertThat(pieces.size()).isGreaterThan(5);
        assertThat(watch.delivered()).isEqualTo(stored.output().length());
    }

    @Test
    void aWatcherOfARunNobodyStreamsHearsNothing() {
        List<String> pieces = new CopyOnWriteArrayList<>();
        RemoteOutput.Watch watch = remotes.watch(UUID.randomUUID(), pieces::add, s -> pieces.add("done"), () -> pieces.add("reset"));
        sleep(500);
        watch.close();
        assertThat(pieces).isEmpty();
        assertThat(watch.delivered()).isZero();
    }

    private UUID fakeAgent(OrganizationMother.TestOrg org) {
        AgentSettings settings = AgentMother.onFakeOpenAi("Streamer");
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
