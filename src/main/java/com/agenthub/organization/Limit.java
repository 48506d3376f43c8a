package com.agenthub.organization;

/** Plan limits; the column names double as the keys of per-organization overrides. */
public enum Limit {
    MAX_AGENTS("max_agents", "agents"),
    MAX_TEAMS("max_teams", "teams"),
    MAX_EXECUTIONS_PER_MONTH("max_executions_per_month", "executions a month"),
    MAX_CONCURRENT_EXECUTIONS("max_concurrent_executions", "concurrent executions"),
    API_REQUESTS_PER_MINUTE("api_requests_per_minute", "API requests a minute");

    private final String key;
    private final String noun;

    Limit(String key, String noun) {
        this.key = key;
        this.noun = noun;
    }

    public String key() {
        return key;
    }

    public String noun() {
        return noun;
    }

    public static Limit fromKey(String key) {
        for (Limit limit : values()) {
            if (limit.key.equals(key)) {
                return limit;
            }
        }
        throw new IllegalArgumentException("unknown limit " + key);
    }
}
