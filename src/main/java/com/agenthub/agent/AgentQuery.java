package com.agenthub.agent;

/** Filters, sort and page of the agent list; null filters match everything. */
public record AgentQuery(AgentStatus status, String provider, String search, Sort sort, boolean descending, int limit,
                         int offset) {

    public enum Sort {
        NAME("lower(name)"), CREATED("created_at"), UPDATED("updated_at"), RUNS("runs");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    public static AgentQuery firstPage() {
        return new AgentQuery(null, null, null, Sort.UPDATED, true, 20, 0);
    }
}
