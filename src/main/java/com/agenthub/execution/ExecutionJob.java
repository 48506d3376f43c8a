package com.agenthub.execution;

import java.util.UUID;

/** The job's data: ids only. The job reloads everything, and takes the tenant from here, never a thread-local. */
record ExecutionJob(UUID executionId, UUID orgId) {

    String serialize() {
        return executionId + "," + orgId;
    }

    static ExecutionJob parse(String text) {
        String[] parts = text.split(",");
        return new ExecutionJob(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
    }
}
