package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import com.agenthub.team.TeamPattern;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The lead manages: it returns a plan as structured output, the named members work on their subtasks in parallel,
 * and the manager writes the answer from their results, or asks for another round of subtasks while delegations
 * are left. A plan that cannot be used is asked for once more with the reason; then every member gets the whole
 * task (a FALLBACK). The same subtask to the same member twice is a loop: delegation stops there.
 */
@Component
class HierarchicalPattern implements CoordinationPattern {

    record Delegation(String member, String subtask, @JsonProperty("expected_output") String expectedOutput) {
    }

    record Plan(List<Delegation> delegations) {
    }

    private record Assignment(RunnableTeam.Member member, Delegation delegation) {
    }

    private static final TeamJson<Plan> PLAN = new TeamJson<>(Plan.class);

    @Override
    public TeamPattern pattern() {
        return TeamPattern.HIERARCHICAL;
    }

    @Override
    public TeamAnswer play(TeamRun run) {
        RunnableTeam.Member manager = run.team.lead();
        List<RunnableTeam.Member> workers = run.team.members().stream().filter(m -> !m.equals(manager)).toList();
        String roster = workers.stream().map(m -> "- " + m.name() + " (" + m.role() + ")").collect(Collectors.joining("\n"));
        Map<String, Object> planValues = Map.of("task", run.task, "members", roster,
                "max_delegations", run.team.maxDelegations(), "format", PLAN.format());

        StepResult plan = run.step(new StepSpec("plan-1", manager, 1, "plan", run.prompt("hierarchical-plan", planValues)));
        if (!plan.succeeded()) {
            return TeamAnswer.failed(stoppedOr(run, "The manager, " + manager.name() + ", could not plan: " + plan.error()));
        }
        StringBuilder problem = new StringBuilder();
        List<Assignment> batch = assignments(plan.output(), workers, problem);
        if (batch == null) {
            run.event("PLAN_INVALID", "The manager's plan could not be used: " + problem + ". Asking once more.");
            StepResult again = run.step(new StepSpec("plan-1-retry", manager, 1, "plan, asked again",
                    run.prompt("hierarchical-replan", Map.of("task", run.task, "members", roster, "error", problem,
                            "max_delegations", run.team.maxDelegations(), "format", PLAN.format()))));
            if (run.stopped()) {
                return TeamAnswer.failed(run.stopReason().message());
            }
            StringBuilder second = new StringBuilder();
            batch = again.succeeded() ? assignments(again.output(), workers, second) : null;
            if (batch == null) {
                run.event("FALLBACK", "The plan could not be used again (" + (again.succeeded() ? second : again.error())
                        + "): every member works on the whole task and the manager writes the answer from their results.");
                batch = workers.stream().map(w -> new Assignment(w, new Delegation(w.name(), run.task,
                        "Your complete answer to the task, from your role as " + w.role() + "."))).toList();
            }
        }

        Set<String> given = new HashSet<>();
        List<String> results = new ArrayList<>();
        int delegated = 0;
        for (int round = 1; ; round++) {
            boolean loop = false;
            List<Assignment> fresh = new ArrayList<>();
            for (Assignment a : batch) {
                if (!given.add(a.member().agentId() + "|" + normalize(a.delegation().subtask()))) {
                    loop = true;
                    run.event("DELEGATION_LOOP", "The manager gave " + a.member().name() + " the same subtask again (\""
                            + abbreviate(a.delegation().subtask()) + "\"): that is a loop, so delegation stops here and "
                            + "the manager answers from the results so far.");
                } else {
                    fresh.add(a);
                }
            }
            int left = run.team.maxDelegations() - delegated;
            if (fresh.size() > left) {
                run.event("DELEGATION_LIMIT", "The plan has " + fresh.size() + " subtasks but only " + left + " of the team's "
                        + run.team.maxDelegations() + " delegations are left: the first " + left + " are given.");
                fresh = fresh.subList(0, left);
            }
            List<StepSpec> specs = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                Assignment a = fresh.get(i);
                specs.add(new StepSpec("work-" + round + "-" + (i + 1), a.member(), round,
                        "subtask " + (delegated + i + 1) + ": " + abbreviate(a.delegation().subtask()),
                        run.prompt("hierarchical-subtask", Map.of("manager", manager.name(),
                                "subtask", a.delegation().subtask(), "expected_output", orNone(a.delegation().expectedOutput()),
                                "task", run.task))));
            }
            List<StepResult> done = run.parallel(specs);
            for (int i = 0; i < done.size(); i++) {
                StepResult r = done.get(i);
                results.add("### Subtask " + (delegated + i + 1) + " for " + r.member().name() + " (" + r.member().role()
                        + ")\nSubtask: " + fresh.get(i).delegation().subtask() + "\n\nResult:\n"
                        + (r.succeeded() ? r.output() : "(failed: " + r.error() + ")"));
            }
            delegated += fresh.size();
            if (run.stopped()) {
                return TeamAnswer.failed(run.stopReason().message());
            }
            boolean mayAskMore = !loop && delegated < run.team.maxDelegations();
            String more = mayAskMore ? run.prompt("hierarchical-more",
                    Map.of("remaining", run.team.maxDelegations() - delegated)) : "";
            StepResult answer = run.step(new StepSpec("answer-" + round, manager, round, "answer from the results",
                    run.prompt("hierarchical-answer", Map.of("task", run.task, "results", String.join("\n\n", results),
                            "more", more))));
            if (!answer.succeeded()) {
                return TeamAnswer.failed(stoppedOr(run, "The manager, " + manager.name()
                        + ", could not write the answer: " + answer.error()));
            }
            Optional<List<Assignment>> next = mayAskMore ? moreWork(answer.output(), workers) : Optional.empty();
            if (next.isEmpty()) {
                return TeamAnswer.answer(answer.output());
            }
            batch = next.get();
            run.event("DELEGATED_AGAIN", "The manager asked for " + batch.size() + " more subtask"
                    + (batch.size() == 1 ? "" : "s") + " (round " + (round + 1) + ").");
        }
    }

    /** A reply that is a usable plan asks for more work; anything else is the answer. */
    private static Optional<List<Assignment>> moreWork(String reply, List<RunnableTeam.Member> workers) {
        String text = reply.strip();
        boolean looksLikePlan = (text.startsWith("{") || text.startsWith("```")) && text.contains("\"delegations\"");
        if (!looksLikePlan) {
            return Optional.empty();
        }
        List<Assignment> batch = assignments(text, workers, new StringBuilder());
        return Optional.ofNullable(batch);
    }

    /** The plan's assignments, or null with {@code problem} saying why it cannot be used. */
    static List<Assignment> assignments(String output, List<RunnableTeam.Member> workers, StringBuilder problem) {
        Plan plan = PLAN.parse(output, problem).orElse(null);
        if (plan == null) {
            return null;
        }
        if (plan.delegations() == null || plan.delegations().isEmpty()) {
            problem.append("the plan has no subtasks");
            return null;
        }
        List<Assignment> batch = new ArrayList<>();
        for (Delegation d : plan.delegations()) {
            if (d == null || d.member() == null || d.member().isBlank()) {
                problem.append("a subtask names no member");
                return null;
            }
            RunnableTeam.Member member = workers.stream()
                    .filter(w -> w.name().equalsIgnoreCase(d.member().strip()) || w.role().equalsIgnoreCase(d.member().strip()))
                    .findFirst().orElse(null);
            if (member == null) {
                problem.append("it names '").append(abbreviate(d.member())).append("', who is not a member of this team (members: ")
                        .append(workers.stream().map(RunnableTeam.Member::name).collect(Collectors.joining(", "))).append(")");
                return null;
            }
            if (d.subtask() == null || d.subtask().isBlank()) {
                problem.append("the subtask for ").append(member.name()).append(" is empty");
                return null;
            }
            batch.add(new Assignment(member, d));
        }
        return batch;
    }

    private static String stoppedOr(TeamRun run, String message) {
        return run.stopped() ? run.stopReason().message() : message;
    }

    private static String normalize(String subtask) {
        return subtask == null ? "" : subtask.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(not given: use your judgement)" : value;
    }

    private static String abbreviate(String value) {
        String flat = value.strip().replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}
