package com.agenthub.organization;

public enum Tier {
    FREE("Free"), STARTER("Starter"), GROWTH("Growth"), ENTERPRISE("Enterprise");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
