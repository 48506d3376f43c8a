package com.agenthub.organization;

/** The answer of the access policy; a refusal says what would allow the action. */
public record Decision(boolean allowed, String reason) {

    static final Decision ALLOW = new Decision(true, null);

    static Decision refuse(String reason) {
        return new Decision(false, reason);
    }
}
