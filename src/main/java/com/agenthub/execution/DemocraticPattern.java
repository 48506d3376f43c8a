package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import com.agenthub.team.TeamPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Members propose at the same time, then each votes, as structured output, for the best proposal other than its
 * own, with a one-line reason. The most votes win; a tie goes to the proposal the lead voted for (else the lead's
 * own, else the first). A vote that does not parse, names no proposal or names the voter's own is an abstention.
 */
@Component
class DemocraticPattern implements CoordinationPattern {

    record Ballot(Integer proposal, String reason) {
    }

    private static final TeamJson<Ballot> BALLOT = new TeamJson<>(Ballot.class);

    private final TeamBallots ballots;

    DemocraticPattern(TeamBallots ballots) {
        this.ballots = ballots;
    }

    @Override
    public TeamPattern pattern() {
        return TeamPattern.DEMOCRATIC;
    }

    @Override
    public TeamAnswer play(TeamRun run) {
        List<RunnableTeam.Member> members = run.team.members();
        List<StepResult> proposals = new ArrayList<>();
        for (StepResult r : run.parallel(members.stream().map(m -> new StepSpec("propose-" + m.position(), m, 1, "proposal",
                run.prompt("democratic-propose", Map.of("task", run.task, "count", members.size(), "role", m.role()))))
                .toList())) {
            if (r.succeeded()) {
                proposals.add(r);
            } else if (!run.stopped()) {
                run.event("MEMBER_DROPPED", r.member().describe() + " has no proposal (" + r.error() + "); the vote goes on without it.");
            }
        }
        if (run.stopped()) {
            return TeamAnswer.failed(run.stopReason().message());
        }
        if (proposals.size() < 2) {
            return TeamAnswer.failed("Fewer than two members made a proposal, so there is nothing to vote on.");
        }
        String listed = IntStream.range(0, proposals.size())
                .mapToObj(i -> "### Proposal " + (i + 1) + " by " + proposals.get(i).member().name() + " ("
                        + proposals.get(i).member().role() + ")\n" + proposals.get(i).output())
                .collect(Collectors.joining("\n\n"));
        List<StepSpec> voting = IntStream.range(0, proposals.size()).mapToObj(i -> {
            RunnableTeam.Member voter = proposals.get(i).member();
            return new StepSpec("vote-" + voter.position(), voter, 2, "vote", run.prompt("democratic-vote", Map.of(
                    "task", run.task, "proposals", listed, "name", voter.name(), "own", i + 1, "format", BALLOT.format())));
        }).toList();
        List<StepResult> votes = run.parallel(voting);
        if (run.stopped()) {
            return TeamAnswer.failed(run.stopReason().message());
        }
        Map<Integer, Integer> tally = new LinkedHashMap<>();
        IntStream.rangeClosed(1, proposals.size()).forEach(n -> tally.put(n, 0));
        Integer leadChoice = null;
        int cast = 0;
        for (int i = 0; i < votes.size(); i++) {
            StepResult vote = votes.get(i);
            int own = i + 1;
            Integer choice = null;
            String reason;
            if (!vote.succeeded()) {
                reason = "Abstained: the vote failed (" + vote.error() + ").";
            } else {
                StringBuilder problem = new StringBuilder();
                Ballot ballot = BALLOT.parse(vote.output(), problem).orElse(null);
                if (ballot == null || ballot.proposal() == null) {
                    reason = "Abstained: " + (ballot == null ? problem : "the vote names no proposal") + ".";
                } else if (ballot.proposal() == own) {
                    reason = "Abstained: voted for its own proposal.";
                } else if (!tally.containsKey(ballot.proposal())) {
                    reason = "Abstained: voted for proposal " + ballot.proposal() + ", which does not exist.";
                } else {
                    choice = ballot.proposal();
                    reason = ballot.reason() == null || ballot.reason().isBlank() ? "(no reason given)" : ballot.reason();
                }
            }
            if (choice != null) {
                tally.merge(choice, 1, Integer::sum);
                cast++;
                if (vote.member().lead()) {
                    leadChoice = choice;
                }
            }
            ballots.record(run.orgId, run.executionId, vote.member().agentId(), vote.stepId(),
                    choice == null ? null : proposals.get(choice - 1).stepId(), reason);
        }
        int most = tally.values().stream().max(Integer::compare).orElse(0);
        List<Integer> tied = tally.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        int winner = tied.get(0);
        if (tied.size() > 1) {
            RunnableTeam.Member lead = run.team.lead();
            Integer leadsOwn = IntStream.rangeClosed(1, proposals.size())
                    .filter(n -> proposals.get(n - 1).member().equals(lead)).boxed().findFirst().orElse(null);
            String how;
            if (leadChoice != null && tied.contains(leadChoice)) {
                winner = leadChoice;
                how = "the lead, " + lead.name() + ", voted for Proposal " + winner;
            } else if (leadsOwn != null && tied.contains(leadsOwn)) {
                winner = leadsOwn;
                how = "the lead, " + lead.name() + ", did not vote for either, so its own Proposal " + winner + " wins";
            } else {
                how = "the lead, " + lead.name() + ", did not vote for any of them, so the first, Proposal " + winner + ", wins";
            }
            run.event("TIE_BROKEN", "Proposals " + tied.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " tied with " + most + " vote" + (most == 1 ? "" : "s") + " each; " + how + ".");
        }
        StepResult won = proposals.get(winner - 1);
        run.event("VOTED", "Proposal " + winner + " by " + won.member().name() + " wins with " + tally.get(winner) + " of "
                + cast + " vote" + (cast == 1 ? "" : "s") + " cast (" + (votes.size() - cast) + " abstained).");
        return new TeamAnswer(true, won.output(), null, won.stepId());
    }
}
