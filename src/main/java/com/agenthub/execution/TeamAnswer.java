package com.agenthub.execution;

import java.util.UUID;

/** What a coordination pattern concluded: the answer, or why there is none; the democratic winner's step. */
record TeamAnswer(boolean succeeded, String output, String error, UUID winnerStepId) {

    static TeamAnswer answer(String output) {
        return new TeamAnswer(true, output, null, null);
    }

    static TeamAnswer failed(String error) {
        return new TeamAnswer(false, null, error, null);
    }
}
