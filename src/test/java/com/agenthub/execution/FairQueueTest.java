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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** One organization flooding the queue must not hold back another's run, nor exceed its own slots. */
@AgentHubTest
class FairQueueTest {

    private static final int BACKLOG = 2_000;

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void anotherOrganizationsRunStartsWithinSecondsOfABacklogOfTwoThousand() throws Exception {
        var acme = mother.organization(Tier.GROWTH); // 10 concurrent runs
        var globex = mother.organization(Tier.FREE); // 1 concurrent run, low priority
        UUID acmeAgent = fakeAgent(acme);
        UUID globexAgent = fakeAgent(globex);
        var acmeOwner = mother.owner(acme);
        ConcurrentLinkedQueue<UUID> backlog = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            pool.invokeAll(IntStream.range(0, BACKLOG).<java.util.concurrent.Callable<Void>>mapToObj(i -> () -> {
                backlog.add(TenantContext.callAs(acme.id(), () -> executions.submit(acmeOwner, acmeAgent,
                        new SubmitRun("Backlog " + i + " [wait:1000]", null, null)).id()));
                return null;
            }).toList());
            await().atMost(Duration.ofSeconds(10)).until(() -> running(acme.id()) == 10);

            Api globexApi = new Api(port, TenantContext.callAs(globex.id(), () -> tokens.create(mother.owner(globex), "c")).secret());
            String id = globexApi.post("/api/v1/agents/" + globexAgent + "/execute", "{\"task\": \"Just one\"}")
                    .json().get("id").asString();
            AtomicLong maxRunning = new AtomicLong();
            JsonNode[] run = {null};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                maxRunning.accumulateAndGet(running(acme.id()), Math::max);
                run[0] = globexApi.get("/api/v1/executions/" + id).json();
                return run[0].get("status").asString().equals("succeeded");
            });
            Duration startDelay = Duration.between(Instant.parse(run[0].get("created_at").asString()),
                    Instant.parse(run[0].get("started_at").asString()));
            System.out.printf("Fairness: with %d of another organization's runs queued, a run started after %d ms%n",
                    BACKLOG, startDelay.toMillis());

            assertThat(startDelay).isLessThan(Duration.ofSeconds(3));
            assertThat(maxRunning.get()).isBetween(1L, 10L);
            assertThat(waiting(acme.id())).isGreaterThan(BACKLOG / 2); // Acme's backlog was still there
        } finally {
            List<UUID> ids = List.copyOf(backlog);
            pool.invokeAll(ids.stream().<java.util.concurrent.Callable<Void>>map(id -> () -> {
                TenantContext.runAs(acme.id(), () -> {
                    try {
                        executions.cancel(acmeOwner, id);
                    } catch (com.agenthub.shared.web.ConflictException finished) {
                        // it ran already
                    }
                });
                return null;
            }).toList());
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private long running(UUID orgId) {
        return count(orgId, "status = 'RUNNING'");
    }

    private long waiting(UUID orgId) {
        return count(orgId, "status = 'QUEUED'");
    }

    private long count(UUID orgId, String condition) {
        return TenantContext.callAs(orgId, () -> transaction.execute(s -> jdbc.sql(
                "SELECT count(*) FROM executions WHERE org_id = ? AND " + condition).param(orgId).query(Long.class).single()));
    }

    private UUID fakeAgent(OrganizationMother.TestOrg org) {
        AgentSettings settings = AgentMother.onFakeOpenAi("Worker");
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }
}
