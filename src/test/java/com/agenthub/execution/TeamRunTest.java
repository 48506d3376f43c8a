package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.organization.Actor;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import com.agenthub.team.TeamMother;
import com.agenthub.team.TeamPattern;
import com.agenthub.team.TeamView;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each coordination pattern end to end against the fake provider, scripted per member. */
@AgentHubTest
class TeamRunTest {

    /** What one call of the fake provider costs on gpt-4o-mini: 1,200 input and 800 output tokens. */
    private static final BigDecimal CALL = new BigDecimal("0.00066000");

    @Autowired OrganizationMother mother;
    @Autowired TeamMother teams;
    @Autowired ExecutionService executions;

    @Test
    void aPipelineHandsEachMemberThePreviousOutputAndAnswersWithTheLast() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        FakeOpenAi.shared().script(marker, (system, user) -> system.contains("as the Researcher") ? "FACTS-1"
                : system.contains("as the Writer") ? "DRAFT-2 from " + (user.contains("FACTS-1") ? "facts" : "nothing")
                : "FINAL-3 from " + (user.contains("DRAFT-2") ? "draft" : "nothing"));
        TeamView team = teams.team(org, TeamPattern.PIPELINE, null, "Researcher", "Writer", "Editor");

        ExecutionView run = toEnd(org, team, "Write about tides " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("FINAL-3 from draft");
        List<ExecutionView> steps = steps(org, run);
        assertThat(steps).extracting(ExecutionView::stepRole).containsExactly("Researcher", "Writer", "Editor");
        assertThat(steps).extracting(ExecutionView::output).containsExactly("FACTS-1", "DRAFT-2 from facts", "FINAL-3 from draft");
        assertTotalsAreTheSumOfSteps(run, steps, 3);
    }

    @Test
    void aPipelineFailsWhenAMemberFails() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        FakeOpenAi.shared().script(marker, (system, user) -> system.contains("as the Writer") ? null : "ok");
        TeamView team = teams.team(org, TeamPattern.PIPELINE, null, "Researcher", "Writer", "Editor");

        ExecutionView run = toEnd(org, team, "Fail in the middle [status:400] " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("Stage 1").contains("Researcher");
        assertThat(steps(org, run)).hasSize(1);
    }

    @Test
    void aMalformedPlanThenAStrangerFallsBackToEveryWorkerOnTheWholeTask() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        AtomicInteger plans = new AtomicInteger();
        FakeOpenAi.shared().script(marker, (system, user) -> {
            if (system.contains("as the Manager") && user.contains("Team members:")) {
                return plans.incrementAndGet() == 1 ? "Sure! Here is my plan: first research, then write."
                        : "{\"delegations\": [{\"member\": \"Stranger\", \"subtask\": \"Do it\", \"expected_output\": \"x\"}]}";
            }
            if (system.contains("as the Manager")) {
                return "SYNTHESIS of " + (user.contains("WORK-A") ? "A" : "") + (user.contains("WORK-B") ? "B" : "");
            }
            return system.contains("as the Analyst") ? "WORK-A" : "WORK-B";
        });
        TeamView team = teams.team(org, TeamPattern.HIERARCHICAL, null, "Manager", "Analyst", "Critic");

        ExecutionView run = toEnd(org, team, "Study the market " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("SYNTHESIS of AB");
        List<String> kinds = kinds(org, run);
        assertThat(kinds).contains("PLAN_INVALID", "FALLBACK");
        assertThat(events(org, run)).anyMatch(e -> e.kind().equals("FALLBACK") && e.message().contains("Stranger"));
        List<ExecutionView> steps = steps(org, run);
        assertThat(steps).extracting(ExecutionView::stepKey)
                .containsExactlyInAnyOrder("plan-1", "plan-1-retry", "work-1-1", "work-1-2", "answer-1");
        // every worker got the whole task in full
        assertThat(steps.stream().filter(s -> s.stepKey().startsWith("work-")))
                .allMatch(s -> s.task().contains("Subtask: Study the market " + marker));
        assertTotalsAreTheSumOfSteps(run, steps, 5);
    }

    @Test
    void theSameSubtaskToTheSameMemberTwiceStopsDelegation() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        String plan = "{\"delegations\": [{\"member\": \"Analyst\", \"subtask\": \"Count the widgets\", \"expected_output\": \"a number\"}]}";
        AtomicInteger answers = new AtomicInteger();
        FakeOpenAi.shared().script(marker, (system, user) -> {
            if (system.contains("as the Manager") && user.contains("Team members:")) {
                return plan;
            }
            if (system.contains("as the Manager")) {
                return answers.incrementAndGet() == 1 ? plan : "The answer is 42 widgets.";
            }
            return "42";
        });
        TeamView team = teams.team(org, TeamPattern.HIERARCHICAL, null, "Manager", "Analyst", "Critic");

        ExecutionView run = toEnd(org, team, "How many widgets? " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("The answer is 42 widgets.");
        assertThat(kinds(org, run)).contains("DELEGATED_AGAIN", "DELEGATION_LOOP");
        assertThat(steps(org, run)).extracting(ExecutionView::stepKey)
                .containsExactly("plan-1", "work-1-1", "answer-1", "answer-2");
    }

    @Test
    void collaboratorsDraftConcurrentlyReviseAndTheLeadMerges() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        FakeOpenAi.shared().script(marker, (system, user) -> {
            String who = system.contains("as the Lead") ? "L" : system.contains("as the Second") ? "S" : "T";
            if (user.contains("Merge them")) {
                return "MERGED";
            }
            if (user.contains("Round 1 of")) {
                return who.equals("T") ? "[wait:300]draft-T" : "[wait:300]draft-" + who + " revised";
            }
            return "[wait:1000]draft-" + who;
        });
        TeamView team = teams.team(org, TeamPattern.COLLABORATIVE, null, "Lead", "Second", "Third");

        ExecutionView run = toEnd(org, team, "Write a proposal " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("MERGED");
        List<ExecutionView> steps = steps(org, run);
        List<ExecutionView> drafts = steps.stream().filter(s -> s.stepKey().startsWith("draft-")).toList();
        assertThat(drafts).hasSize(3);
        // really concurrent: the round took about as long as its slowest draft (each waits 1 s), not the sum
        var roundStart = drafts.stream().map(ExecutionView::startedAt).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var roundEnd = drafts.stream().map(ExecutionView::finishedAt).max(java.util.Comparator.naturalOrder()).orElseThrow();
        long slowest = drafts.stream().mapToLong(ExecutionView::durationMs).max().orElseThrow();
        assertThat(drafts).allMatch(d -> d.durationMs() >= 1_000);
        assertThat(Duration.between(roundStart, roundEnd).toMillis()).isLessThan(slowest + 700);
        // Third kept its draft in round 1 and stopped revising; the other two revised twice
        assertThat(kinds(org, run)).contains("DRAFT_UNCHANGED");
        assertThat(steps).extracting(ExecutionView::stepKey).contains("revise-1-3").doesNotContain("revise-2-3");
        assertThat(steps.stream().filter(s -> s.stepKey().equals("merge")).findFirst().orElseThrow().task())
                .contains("draft-T").contains("draft-S");
        assertTotalsAreTheSumOfSteps(run, steps, steps.size());
    }

    @Test
    void aTieIsBrokenByTheLeadAndSelfOrGarbageVotesAbstain() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        // proposals 1..4 by Chair (lead), Bee, Cee, Dee
        FakeOpenAi.shared().script(marker, (system, user) -> {
            boolean voting = user.contains("Vote for the best");
            if (!voting) {
                return "Slogan by " + role(system);
            }
            return switch (role(system)) {
                case "Chair" -> "{\"proposal\": 3, \"reason\": \"Cee's is the catchiest.\"}";
                case "Bee" -> "{\"proposal\": 4, \"reason\": \"Dee's is bold.\"}";
                case "Cee" -> "{\"proposal\": 3, \"reason\": \"mine is best\"}"; // its own: abstains
                default -> "I like them all!"; // does not parse: abstains
            };
        });
        TeamView team = teams.team(org, TeamPattern.DEMOCRATIC, null, "Chair", "Bee", "Cee", "Dee");

        ExecutionView run = toEnd(org, team, "Pick a slogan " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("Slogan by Cee");
        List<ExecutionView> steps = steps(org, run);
        ExecutionView ceeProposal = steps.stream().filter(s -> s.stepKey().equals("propose-3")).findFirst().orElseThrow();
        assertThat(run.winnerStepId()).isEqualTo(ceeProposal.id());
        List<TeamVoteView> votes = TenantContext.callAs(org.id(), () -> executions.votes(owner(org), run.id()));
        assertThat(votes).hasSize(4);
        assertThat(votes.stream().filter(TeamVoteView::abstained)).hasSize(2);
        assertThat(votes).anyMatch(v -> v.abstained() && v.reason().contains("its own proposal"));
        assertThat(votes).anyMatch(v -> v.abstained() && v.reason().contains("not JSON"));
        assertThat(events(org, run)).anyMatch(e -> e.kind().equals("TIE_BROKEN") && e.message().contains("Proposals 3, 4"));
        assertTotalsAreTheSumOfSteps(run, steps, 8);
    }

    @Test
    void theCostCapStopsTheTeamMidRoundAndKeepsPartialOutput() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        FakeOpenAi.shared().script(marker, (system, user) -> system.contains("as the Quick") ? "quick draft" : null);
        // one finished call costs $0.00066, over the cap: the two slow members are stopped mid-stream
        TeamView team = teams.team(org, TeamPattern.COLLABORATIVE, new BigDecimal("0.0005"), "Quick", "Slow", "Slower");

        ExecutionView run = toEnd(org, team, "Draft slowly [slow] " + marker);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("cost cap of $0.0005");
        List<ExecutionView> steps = steps(org, run);
        assertThat(steps).hasSize(3);
        assertThat(steps).filteredOn(s -> s.status() == ExecutionStatus.CANCELLED).hasSize(2)
                .allSatisfy(s -> assertThat(s.output()).startsWith("part-01").doesNotContain("part-20"));
        assertThat(kinds(org, run)).contains("STOPPING");
        assertThat(steps).noneMatch(s -> s.stepKey().startsWith("revise-") || s.stepKey().equals("merge"));
        assertThat(run.cost()).isEqualByComparingTo(steps.stream().map(ExecutionView::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void cancellingATeamRunClosesEveryRunningMembersStream() {
        var org = mother.organization(Tier.GROWTH);
        String marker = marker();
        TeamView team = teams.team(org, TeamPattern.DEMOCRATIC, null, "Ann", "Ben", "Cat");
        Actor owner = owner(org);
        var queued = TenantContext.callAs(org.id(), () -> executions.submitTeam(owner, team.id(),
                new SubmitRun("Think for a long time [long] " + marker, null, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> TenantContext.callAs(org.id(),
                () -> executions.steps(owner, queued.id())).stream().filter(s -> s.status() == ExecutionStatus.RUNNING).count() == 3);
        sleep(500);

        TenantContext.runAs(org.id(), () -> executions.cancel(owner, queued.id()));

        // the provider sees all three connections closed, not only the records marked
        await().atMost(Duration.ofSeconds(5)).until(() -> FakeOpenAi.shared().requestsContaining(marker).size() == 3
                && FakeOpenAi.shared().closedByClientCount(marker) == 3);
        ExecutionView run = awaitEnd(org, queued.id());
        assertThat(run.status()).isEqualTo(ExecutionStatus.CANCELLED);
        List<ExecutionView> steps = steps(org, run);
        assertThat(steps).hasSize(3).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ExecutionStatus.CANCELLED);
            assertThat(s.output()).startsWith("part-001");
        });
        assertThat(kinds(org, run)).contains("STOPPING");
        sleep(1_000);
        assertThat(FakeOpenAi.shared().requestsContaining(marker)).hasSize(3); // no vote round started
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TeamPattern.class)
    void theSandboxPlaysEveryPatternWithoutAKey(TeamPattern pattern) {
        var org = mother.organization(Tier.GROWTH);
        TeamView team = teams.team(org, pattern, null, false, "Lead", "Analyst", "Critic");

        ExecutionView run = toEnd(org, team, "Plan a product launch");
        ExecutionView again = toEnd(org, team, "Plan a product launch");

        assertThat(run.status()).as(run.error()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).contains("sandbox");
        List<String> kinds = kinds(org, run);
        assertThat(kinds).doesNotContain("PLAN_INVALID", "FALLBACK", "MEMBER_DROPPED");
        List<ExecutionView> steps = steps(org, run);
        assertThat(steps).allMatch(s -> s.status() == ExecutionStatus.SUCCEEDED && "sandbox".equals(s.provider()));
        switch (pattern) {
            case HIERARCHICAL -> assertThat(steps).extracting(ExecutionView::stepKey)
                    .containsExactlyInAnyOrder("plan-1", "work-1-1", "work-1-2", "answer-1");
            case DEMOCRATIC -> {
                List<TeamVoteView> votes = TenantContext.callAs(org.id(), () -> executions.votes(owner(org), run.id()));
                assertThat(votes).hasSize(3).noneMatch(TeamVoteView::abstained);
                assertThat(run.winnerStepId()).isNotNull();
            }
            case COLLABORATIVE -> assertThat(kinds).contains("DRAFT_UNCHANGED");
            case PIPELINE -> assertThat(steps).hasSize(3);
        }
        // deterministic: the same task plays out the same way
        assertThat(again.output()).isEqualTo(run.output());
        assertThat(steps(org, again)).extracting(ExecutionView::stepKey).containsExactlyInAnyOrderElementsOf(
                steps.stream().map(ExecutionView::stepKey).toList());
    }

    private static String role(String system) {
        int at = system.indexOf("working as the ") + 8;
        return system.substring(at + 7, system.indexOf(" of the team", at));
    }

    private void assertTotalsAreTheSumOfSteps(ExecutionView run, List<ExecutionView> steps, int calls) {
        assertThat(steps).hasSize(calls).allMatch(s -> s.status() == ExecutionStatus.SUCCEEDED);
        assertThat(run.cost()).isEqualByComparingTo(CALL.multiply(BigDecimal.valueOf(calls)));
        assertThat(run.cost()).isEqualByComparingTo(steps.stream().map(ExecutionView::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(run.inputTokens()).isEqualTo(steps.stream().mapToInt(ExecutionView::inputTokens).sum());
        assertThat(run.outputTokens()).isEqualTo(steps.stream().mapToInt(ExecutionView::outputTokens).sum());
    }

    private ExecutionView toEnd(OrganizationMother.TestOrg org, TeamView team, String task) {
        Actor owner = owner(org);
        var queued = TenantContext.callAs(org.id(), () -> executions.submitTeam(owner, team.id(), new SubmitRun(task, null, null)));
        return awaitEnd(org, queued.id());
    }

    private ExecutionView awaitEnd(OrganizationMother.TestOrg org, UUID id) {
        Actor owner = owner(org);
        ExecutionView[] run = {null};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            run[0] = TenantContext.callAs(org.id(), () -> executions.get(owner, id));
            return run[0].status().finished() && run[0].durationMs() != null;
        });
        return run[0];
    }

    private List<ExecutionView> steps(OrganizationMother.TestOrg org, ExecutionView run) {
        return TenantContext.callAs(org.id(), () -> executions.steps(owner(org), run.id()));
    }

    private List<ExecutionEventView> events(OrganizationMother.TestOrg org, ExecutionView run) {
        return TenantContext.callAs(org.id(), () -> executions.events(owner(org), run.id()));
    }

    private List<String> kinds(OrganizationMother.TestOrg org, ExecutionView run) {
        return events(org, run).stream().map(ExecutionEventView::kind).toList();
    }

    private Actor owner(OrganizationMother.TestOrg org) {
        return mother.actor(org.owner(), org.id());
    }

    private static String marker() {
        return "[team-" + UUID.randomUUID() + "]";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
