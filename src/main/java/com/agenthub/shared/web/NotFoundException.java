package com.agenthub.shared.web;

/** Also what another organization's resource answers, so ids do not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
