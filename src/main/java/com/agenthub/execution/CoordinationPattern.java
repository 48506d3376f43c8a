package com.agenthub.execution;

import com.agenthub.team.TeamPattern;

/**
 * How a team's members work together on a run. Each pattern is one class; it decides which steps run, in what
 * order or in parallel, and what follows when a member fails. The rails (cost cap, deadline, cancel) are the
 * run's: a pattern checks {@link TeamRun#stopped()} between steps and ends when it is set.
 */
interface CoordinationPattern {

    TeamPattern pattern();

    TeamAnswer play(TeamRun run);
}
