package com.agenthub.organization;

/** Where a browser session remembers which of the user's organizations it acts in. */
public final class CurrentOrganization {

    public static final String SESSION_ATTRIBUTE = "agenthub.currentOrg";

    private CurrentOrganization() {
    }
}
