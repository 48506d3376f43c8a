package com.agenthub.shared.web;

/** The request is valid but the resource's state does not allow it now (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
