package com.agenthub.team;

import java.util.Locale;

/** How a team's members work together. Each is played by one class of the execution module. */
public enum TeamPattern {
    PIPELINE("Pipeline", "Members work in order; each gets the task and the previous member's output."),
    HIERARCHICAL("Hierarchical", "The lead plans and delegates subtasks to members, then writes the answer from theirs."),
    COLLABORATIVE("Collaborative", "Members draft at the same time, revise after reading each other's drafts, and the lead merges."),
    DEMOCRATIC("Democratic", "Members propose at the same time, then vote for the best proposal; the lead breaks ties.");

    private final String label;
    private final String explanation;

    TeamPattern(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the lead does in this pattern, for forms and pages. */
    public String leadDuty() {
        return switch (this) {
            case PIPELINE -> "No special duty: members run in their order.";
            case HIERARCHICAL -> "The manager: plans, delegates and writes the answer.";
            case COLLABORATIVE -> "The merger: writes the answer from the final drafts.";
            case DEMOCRATIC -> "The tie-breaker: a tie goes to the proposal the lead voted for.";
        };
    }

    /**
     * How many model calls a run makes, at most, for a team of {@code members}: what a run costs compared with
     * one agent's run.
     */
    public int modelCalls(int members, int maxRounds, int maxDelegations) {
        return switch (this) {
            case PIPELINE -> members;
            // a plan, one call per delegation, and the answer (a second round adds a plan's worth again)
            case HIERARCHICAL -> 1 + Math.min(members - 1, maxDelegations) + 1;
            case COLLABORATIVE -> members * (1 + maxRounds) + 1;
            case DEMOCRATIC -> members * 2;
        };
    }

    public static java.util.Optional<TeamPattern> fromId(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        for (TeamPattern p : values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
