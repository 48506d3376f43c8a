package com.agenthub.execution;

import com.agenthub.team.RunnableTeam;
import com.agenthub.team.TeamPattern;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Members in order; each gets the task and the previous member's output; the last output is the answer. */
@Component
class PipelinePattern implements CoordinationPattern {

    @Override
    public TeamPattern pattern() {
        return TeamPattern.PIPELINE;
    }

    @Override
    public TeamAnswer play(TeamRun run) {
        List<RunnableTeam.Member> members = run.team.members();
        StepResult previous = null;
        for (int i = 0; i < members.size(); i++) {
            if (run.stopped()) {
                return TeamAnswer.failed(run.stopReason().message());
            }
            RunnableTeam.Member member = members.get(i);
            String prompt = previous == null
                    ? run.prompt("pipeline-first", Map.of("task", run.task, "position", 1, "count", members.size(),
                            "role", member.role()))
                    : run.prompt("pipeline-next", Map.of("task", run.task, "position", i + 1, "count", members.size(),
                            "role", member.role(), "previous_role", previous.member().role(),
                            "previous_name", previous.member().name(), "previous_output", previous.output(),
                            "last_note", i == members.size() - 1 ? " Yours is the team's final answer." : ""));
            StepResult step = run.step(new StepSpec("stage-" + (i + 1), member, i + 1,
                    "stage " + (i + 1) + " of " + members.size(), prompt));
            if (!step.succeeded()) {
                return TeamAnswer.failed(run.stopped() ? run.stopReason().message()
                        : "Stage " + (i + 1) + ", the " + member.role() + " (" + member.name() + "), failed: "
                          + step.error() + " A pipeline cannot go on without it.");
            }
            previous = step;
        }
        return TeamAnswer.answer(previous.output());
    }
}
