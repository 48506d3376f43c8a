package com.agenthub.llm;

import com.agenthub.organization.Plans;
import com.agenthub.organization.Tier;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an organization may run a model now. Saving an agent checks its model once; the plan (a downgrade),
 * the catalog (a model a super admin deactivated) and the organization's keys can change after that, so a run
 * is checked again when it is submitted and when it starts.
 */
@Service
public class RunnableModels {

    private final ModelCatalog catalog;
    private final ProviderKeys keys;
    private final Plans plans;

    RunnableModels(ModelCatalog catalog, ProviderKeys keys, Plans plans) {
        this.catalog = catalog;
        this.keys = keys;
        this.plans = plans;
    }

    /** Why the organization on {@code tier} cannot run this model, with what to change; empty when it can. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(UUID orgId, Tier tier, String provider, String model) {
        return catalog.whyNotRunnable(provider, model, tier, keys.usableOwnKeys(orgId, tier))
                .map(reason -> reason + " Pick another model on the agent's page to run it.");
    }

    /** The same, for background work that knows only the organization. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(UUID orgId, String provider, String model) {
        return refusal(orgId, plans.currentPlanOf(orgId).tier(), provider, model);
    }
}
