package com.agenthub.execution;

/** The organization already runs as many executions as its plan allows; the job tries again shortly. */
class NoFreeSlotException extends RuntimeException {

    NoFreeSlotException(String message) {
        super(message, null, false, false);
    }
}
