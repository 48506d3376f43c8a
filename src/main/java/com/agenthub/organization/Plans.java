package com.agenthub.organization;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads plans and applies an organization's limit overrides. */
@Service
public class Plans {

    private final PlanRepository plans;
    private final JdbcClient jdbc;

    Plans(PlanRepository plans, JdbcClient jdbc) {
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<PlanView> all() {
        return plans.findAllByOrderByRankAsc().stream().map(Plan::toView).toList();
    }

    /** Runs with the organization bound: overrides are tenant rows. */
    @Transactional(readOnly = true)
    public PlanView effectivePlan(UUID orgId, Tier tier) {
        PlanView base = plans.findById(tier).orElseThrow().toView();
        Map<Limit, Integer> limits = new EnumMap<>(base.limits());
        jdbc.sql("SELECT limit_name, limit_value FROM org_limit_overrides WHERE org_id = ?")
                .param(orgId)
                .query((rs, n) -> Map.entry(Limit.fromKey(rs.getString(1)), Optional.ofNullable((Integer) rs.getObject(2))))
                .list()
                .forEach(e -> limits.put(e.getKey(), e.getValue().orElse(null)));
        return new PlanView(base.tier(), base.displayName(), base.features(), limits, base.queuePriority(), base.maxRunSeconds());
    }

    /** The plan of the organization bound to this thread, with its overrides. */
    @Transactional(readOnly = true)
    public PlanView currentPlanOf(UUID orgId) {
        Tier tier = Tier.valueOf(jdbc.sql("SELECT tier FROM organizations WHERE id = ?").param(orgId)
                .query(String.class).single());
        return effectivePlan(orgId, tier);
    }

    /** The lowest tier whose plan has the feature, for "upgrade to X" messages. */
    @Transactional(readOnly = true)
    public Optional<Tier> lowestTierWith(Feature feature) {
        return plans.findAllByOrderByRankAsc().stream()
                .filter(p -> p.features().contains(feature))
                .map(Plan::tier)
                .findFirst();
    }

    /** The lowest tier whose plan allows more than {@code current} of the limit. */
    @Transactional(readOnly = true)
    public Optional<Tier> lowestTierAllowingMore(Limit limit, long current) {
        return plans.findAllByOrderByRankAsc().stream()
                .filter(p -> {
                    Integer value = p.limits().get(limit);
                    return value == null || value > current;
                })
                .map(Plan::tier)
                .findFirst();
    }
}
