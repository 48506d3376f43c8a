package com.agenthub.team;

import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Checks a team's settings against the rules and the plan; every problem is named at its field. */
@Component
class TeamValidator {

    private static final BigDecimal MAX_COST_CAP = new BigDecimal("10000");

    void check(TeamSettings s, int planMaxRunSeconds, Map<UUID, String> liveAgents) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            problems.add(new FieldProblem("name", "Give the team a name."));
        } else if (s.name().strip().length() > 100) {
            problems.add(new FieldProblem("name", "Names are up to 100 characters."));
        }
        if (s.description() != null && s.description().strip().length() > 1000) {
            problems.add(new FieldProblem("description", "Descriptions are up to 1,000 characters."));
        }
        if (s.pattern() == null) {
            problems.add(new FieldProblem("pattern", "Pick a pattern: pipeline, hierarchical, collaborative or democratic."));
        }
        List<TeamMemberSpec> members = s.members() == null ? List.of() : s.members();
        if (members.size() < TeamSettings.MIN_MEMBERS || members.size() > TeamSettings.MAX_MEMBERS) {
            problems.add(new FieldProblem("members", "A team has " + TeamSettings.MIN_MEMBERS + " to "
                    + TeamSettings.MAX_MEMBERS + " members; this one has " + members.size() + "."));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            TeamMemberSpec m = members.get(i);
            String field = "members[" + i + "]";
            if (m == null || m.agentId() == null) {
                problems.add(new FieldProblem(field + ".agent_id", "Pick an agent for member " + (i + 1) + "."));
                continue;
            }
            if (!liveAgents.containsKey(m.agentId())) {
                problems.add(new FieldProblem(field + ".agent_id", "Member " + (i + 1)
                        + " is not an agent of this organization (it may have been deleted)."));
            } else if (!seen.add(m.agentId())) {
                problems.add(new FieldProblem(field + ".agent_id", liveAgents.get(m.agentId())
                        + " is in the team twice; each agent is a member once."));
            }
            if (m.role() == null || m.role().isBlank()) {
                problems.add(new FieldProblem(field + ".role", "Give member " + (i + 1) + " a role, like \"Researcher\"."));
            } else if (m.role().strip().length() > 60) {
                problems.add(new FieldProblem(field + ".role", "Roles are up to 60 characters."));
            }
        }
        long leads = members.stream().filter(Objects::nonNull).filter(TeamMemberSpec::lead).count();
        if (!members.isEmpty() && leads != 1) {
            problems.add(new FieldProblem("lead", leads == 0 ? "Pick the member who leads the team."
                    : "Only one member can lead; " + leads + " are marked as lead."));
        }
        if (s.maxRounds() < 1 || s.maxRounds() > 5) {
            problems.add(new FieldProblem("max_rounds", "Rounds are from 1 to 5."));
        }
        if (s.maxDelegations() < 1 || s.maxDelegations() > 20) {
            problems.add(new FieldProblem("max_delegations", "Delegations are from 1 to 20."));
        }
        if (s.costCap() != null && (s.costCap().signum() <= 0 || s.costCap().compareTo(MAX_COST_CAP) > 0
                || s.costCap().scale() > 4)) {
            problems.add(new FieldProblem("cost_cap", "The cost cap is an amount in USD from 0.0001 to 10,000, "
                    + "with up to 4 decimals, or empty for none."));
        }
        if (s.timeoutSeconds() < 10 || s.timeoutSeconds() > planMaxRunSeconds) {
            problems.add(new FieldProblem("timeout_seconds", "The timeout is from 10 to " + planMaxRunSeconds
                    + " seconds (your plan's maximum run time)."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }
}
