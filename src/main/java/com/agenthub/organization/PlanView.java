package com.agenthub.organization;

import java.util.Map;
import java.util.Set;

/**
 * A plan as it applies to one organization (its tier's plan with that organization's overrides).
 * A null limit is unlimited.
 */
public record PlanView(Tier tier, String displayName, Set<Feature> features, Map<Limit, Integer> limits,
                       String queuePriority, int maxRunSeconds) {

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public Integer limit(Limit limit) {
        return limits.get(limit);
    }

    public boolean unlimited(Limit limit) {
        return limits.get(limit) == null;
    }
}
