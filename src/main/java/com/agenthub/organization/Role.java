package com.agenthub.organization;

/** Organization roles, strongest first. */
public enum Role {
    OWNER("Owner"), ADMIN("Admin"), MEMBER("Member"), VIEWER("Viewer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
