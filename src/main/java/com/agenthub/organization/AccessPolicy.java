package com.agenthub.organization;

import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.ForbiddenException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "may this actor do this in this organization", from the organization
 * role, the tier's plan (with overrides) and the platform role. Services call it before they read or
 * change tenant data; row-level security underneath is the second guard.
 */
@Component
public class AccessPolicy {

    private final Plans plans;

    AccessPolicy(Plans plans) {
        this.plans = plans;
    }

    public void require(Actor actor, Action action) {
        PlanView plan = action.feature() != null && actor.hasOrganization()
                ? plans.effectivePlan(actor.orgId(), actor.tier()) : null;
        Decision decision = decide(actor, action, plan, f -> plans.lowestTierWith(f));
        if (!decision.allowed()) {
            throw new ForbiddenException(decision.reason());
        }
        if (!action.platform()) {
            assertBoundTo(actor);
        }
    }

    public boolean allows(Actor actor, Action action) {
        PlanView plan = action.feature() != null && actor.hasOrganization()
                ? plans.effectivePlan(actor.orgId(), actor.tier()) : null;
        return decide(actor, action, plan, f -> plans.lowestTierWith(f)).allowed();
    }

    /**
     * Refuses when {@code current} already reaches the plan's limit; the message names the tier that
     * allows more. Super admins are not held to tier limits.
     */
    public void requireWithinLimit(Actor actor, Limit limit, long current) {
        if (!actor.superAdmin()) {
            requireWithinLimit(actor, plans.effectivePlan(actor.orgId(), actor.tier()), limit, current);
        }
    }

    /** The same, with the organization's effective plan already at hand. */
    public void requireWithinLimit(Actor actor, PlanView plan, Limit limit, long current) {
        if (actor.superAdmin()) {
            return;
        }
        Integer max = plan.limit(limit);
        if (max != null && current >= max) {
            String upgrade = plans.lowestTierAllowingMore(limit, current)
                    .filter(t -> t.ordinal() > actor.tier().ordinal())
                    .map(t -> " The " + t.label() + " plan allows more.")
                    .orElse(" Ask a platform admin to raise it.");
            throw new ForbiddenException(max == 0
                    ? "Your " + plan.displayName() + " plan does not include " + limit.noun() + "." + upgrade
                    : "Your " + plan.displayName() + " plan allows " + max + " " + limit.noun() + "." + upgrade);
        }
    }

    /** Pure decision, so the whole matrix can be tested as a table. */
    static Decision decide(Actor actor, Action action, PlanView plan,
                           java.util.function.Function<Feature, Optional<Tier>> lowestTierWith) {
        if (action.platform()) {
            return actor.superAdmin() ? Decision.ALLOW : Decision.refuse("Only platform administrators may do this.");
        }
        OrganizationMembership membership = actor.current();
        if (membership == null) {
            return Decision.refuse("You are not a member of an organization. Create or join one first.");
        }
        if (membership.suspended()) {
            return Decision.refuse(membership.orgName() + " is suspended: "
                    + Objects.requireNonNullElse(membership.suspendedReason(), "contact support") + ".");
        }
        if (!membership.role().atLeast(action.minimumRole())) {
            return Decision.refuse("This needs the " + action.minimumRole().label() + " role or higher; you are "
                    + membership.role().label() + ".");
        }
        Feature feature = action.feature();
        if (feature != null && !actor.superAdmin() && (plan == null || !plan.has(feature))) {
            String tier = lowestTierWith.apply(feature).map(Tier::label).orElse("a higher");
            return Decision.refuse(feature.label() + " need the " + tier + " plan or higher; "
                    + membership.orgName() + " is on " + membership.tier().label() + ".");
        }
        return Decision.ALLOW;
    }

    private static void assertBoundTo(Actor actor) {
        // A service reached with another organization bound would read the wrong tenant's rows.
        if (!TenantContext.current().map(actor.orgId()::equals).orElse(false)) {
            throw new IllegalStateException("the request's organization is not bound to this thread");
        }
    }
}
