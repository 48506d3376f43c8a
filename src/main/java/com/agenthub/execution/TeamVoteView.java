package com.agenthub.execution;

import java.util.UUID;

/** One ballot of a democratic team run; {@code proposalStepId} is null for an abstention. */
public record TeamVoteView(UUID voterAgentId, String voterName, UUID voterStepId, UUID proposalStepId, String reason) {

    public boolean abstained() {
        return proposalStepId == null;
    }
}
