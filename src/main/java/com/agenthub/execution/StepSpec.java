package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;

/**
 * One member call of a team run. {@code key} names it within the run (a resumed run finds it by that name);
 * {@code label} says on the timeline what the step is for.
 */
record StepSpec(String key, RunnableTeam.Member member, int round, String label, String prompt) {
}
