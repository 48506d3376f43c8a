package com.agenthub.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A tier's features and limits: data a super admin edits, not code. */
@Entity
@Table(name = "plans")
class Plan {

    @Id
    @Enumerated(EnumType.STRING)
    private Tier tier;
    private String displayName;
    private int rank;
    private Integer maxAgents;
    private Integer maxTeams;
    private Integer maxExecutionsPerMonth;
    private Integer maxConcurrentExecutions;
    private Integer apiRequestsPerMinute;
    private boolean teams;
    private boolean byok;
    private boolean publishTemplates;
    private boolean intelligence;
    private String queuePriority;
    private int maxRunSeconds;
    @Version
    private Long version;

    protected Plan() {
    }

    Tier tier() {
        return tier;
    }

    int rank() {
        return rank;
    }

    Set<Feature> features() {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        if (teams) {
            features.add(Feature.TEAMS);
        }
        if (byok) {
            features.add(Feature.BYOK);
        }
        if (publishTemplates) {
            features.add(Feature.PUBLISH_TEMPLATES);
        }
        if (intelligence) {
            features.add(Feature.INTELLIGENCE);
        }
        return features;
    }

    /** A null value means unlimited. */
    Map<Limit, Integer> limits() {
        Map<Limit, Integer> limits = new EnumMap<>(Limit.class);
        limits.put(Limit.MAX_AGENTS, maxAgents);
        limits.put(Limit.MAX_TEAMS, maxTeams);
        limits.put(Limit.MAX_EXECUTIONS_PER_MONTH, maxExecutionsPerMonth);
        limits.put(Limit.MAX_CONCURRENT_EXECUTIONS, maxConcurrentExecutions);
        limits.put(Limit.API_REQUESTS_PER_MINUTE, apiRequestsPerMinute);
        return limits;
    }

    PlanView toView() {
        return new PlanView(tier, displayName, features(), limits(), queuePriority, maxRunSeconds);
    }
}
