package com.agenthub.shared.web;

/** A refusal whose message says which role or tier would allow the action. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
