package com.agenthub.agent.web;

import com.agenthub.agent.AgentQuery;
import com.agenthub.agent.AgentStatus;

/** The agent list's filters as the page shows them (public: templates call its methods). */
public record AgentFilters(String q, AgentStatus status, String provider, String sort, int offset) {

    AgentQuery query(int pageSize) {
        AgentQuery.Sort by = switch (sort == null ? "" : sort) {
            case "name" -> AgentQuery.Sort.NAME;
            case "created" -> AgentQuery.Sort.CREATED;
            case "runs" -> AgentQuery.Sort.RUNS;
            default -> AgentQuery.Sort.UPDATED;
        };
        String term = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
        return new AgentQuery(status, provider == null || provider.isBlank() ? null : provider, term, by,
                by != AgentQuery.Sort.NAME, pageSize, Math.max(0, offset));
    }

    public boolean any() {
        return (q != null && !q.isBlank()) || status != null || (provider != null && !provider.isBlank());
    }
}
