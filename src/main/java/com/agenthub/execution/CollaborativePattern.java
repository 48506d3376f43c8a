package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import com.agenthub.team.TeamPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Members draft at the same time, then in each round read the others' drafts and revise theirs, also at the same
 * time; a member whose draft stops changing stops revising. The lead merges the final drafts. A member that
 * fails drops out; the run goes on while at least two drafts remain.
 */
@Component
class CollaborativePattern implements CoordinationPattern {

    @Override
    public TeamPattern pattern() {
        return TeamPattern.COLLABORATIVE;
    }

    @Override
    public TeamAnswer play(TeamRun run) {
        List<RunnableTeam.Member> members = run.team.members();
        Map<RunnableTeam.Member, String> drafts = new LinkedHashMap<>();
        List<StepSpec> first = members.stream().map(m -> new StepSpec("draft-" + m.position(), m, 1, "first draft",
                run.prompt("collaborative-draft", Map.of("task", run.task, "count", members.size(), "role", m.role()))))
                .toList();
        for (StepResult r : run.parallel(first)) {
            keepOrDrop(run, drafts, r);
        }
        String problem = problem(run, drafts);
        if (problem != null) {
            return TeamAnswer.failed(problem);
        }
        int rounds = run.team.maxRounds();
        Set<RunnableTeam.Member> settled = new HashSet<>();
        for (int round = 1; round <= rounds; round++) {
            List<RunnableTeam.Member> revising = drafts.keySet().stream().filter(m -> !settled.contains(m)).toList();
            if (revising.isEmpty()) {
                run.event("CONVERGED", "No draft changed in the last round: revising ends early, after "
                        + (round - 1) + " of " + rounds + " rounds.");
                break;
            }
            int r = round;
            List<StepSpec> specs = revising.stream().map(m -> new StepSpec("revise-" + r + "-" + m.position(), m, r + 1,
                    "revision, round " + r + " of " + rounds, run.prompt("collaborative-revise", Map.of("task", run.task,
                            "round", r, "rounds", rounds, "role", m.role(), "own", drafts.get(m),
                            "others", others(drafts, m))))).toList();
            for (StepResult result : run.parallel(specs)) {
                if (result.succeeded() && same(result.output(), drafts.get(result.member()))) {
                    settled.add(result.member());
                    run.event("DRAFT_UNCHANGED", result.member().describe() + " kept its draft in round " + r
                            + ": it stops revising.");
                } else {
                    keepOrDrop(run, drafts, result);
                }
            }
            problem = problem(run, drafts);
            if (problem != null) {
                return TeamAnswer.failed(problem);
            }
        }
        RunnableTeam.Member lead = run.team.lead();
        String all = drafts.entrySet().stream()
                .map(e -> "### Draft by " + e.getKey().name() + " (" + e.getKey().role() + ")\n" + e.getValue())
                .collect(Collectors.joining("\n\n"));
        StepResult merge = run.step(new StepSpec("merge", lead, rounds + 2, "merge of " + drafts.size() + " drafts",
                run.prompt("collaborative-merge", Map.of("task", run.task, "drafts", all))));
        if (!merge.succeeded()) {
            return TeamAnswer.failed(run.stopped() ? run.stopReason().message()
                    : "The lead, " + lead.name() + ", could not merge the drafts: " + merge.error());
        }
        return TeamAnswer.answer(merge.output());
    }

    private static void keepOrDrop(TeamRun run, Map<RunnableTeam.Member, String> drafts, StepResult r) {
        if (r.succeeded()) {
            drafts.put(r.member(), r.output());
        } else if (!run.stopped()) {
            drafts.remove(r.member());
            run.event("MEMBER_DROPPED", r.member().describe() + " failed (" + r.error() + ") and the team goes on without it.");
        }
    }

    private static String problem(TeamRun run, Map<RunnableTeam.Member, String> drafts) {
        if (run.stopped()) {
            return run.stopReason().message();
        }
        return drafts.size() < 2 ? "Fewer than two members have a draft left, so there is nothing to collaborate on." : null;
    }

    private static String others(Map<RunnableTeam.Member, String> drafts, RunnableTeam.Member self) {
        return drafts.entrySet().stream().filter(e -> !e.getKey().equals(self))
                .map(e -> "--- draft by " + e.getKey().name() + " (" + e.getKey().role() + ") ---\n" + e.getValue())
                .collect(Collectors.joining("\n\n"));
    }

    static boolean same(String revised, String draft) {
        return revised != null && draft != null
                && revised.strip().replaceAll("\\s+", " ").equals(draft.strip().replaceAll("\\s+", " "));
    }
}
