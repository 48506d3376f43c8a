package com.agenthub.agent;

import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelChoice;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.PlanView;
import com.agenthub.organization.Plans;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the agent form may offer one organization: the models it can use (main and fallback follow the
 * same catalog rules the validator applies) and its plan's longest run. Asking is refused to roles that
 * could not submit the form, so they get a 403 page rather than a form that fails on save.
 */
@Service
public class AgentFormChoices {

    public record Choices(List<ModelChoice> models, String planName, int maxRunSeconds) {

        /** Whether any usable model is left for a fallback once the main model is taken. */
        public boolean fallbackBesides(String mainModel) {
            return models.stream().anyMatch(c -> c.available() && !c.value().equals(mainModel));
        }
    }

    private final AccessPolicy access;
    private final ModelCatalog catalog;
    private final ProviderKeys providerKeys;
    private final Plans plans;

    AgentFormChoices(AccessPolicy access, ModelCatalog catalog, ProviderKeys providerKeys, Plans plans) {
        this.access = access;
        this.catalog = catalog;
        this.providerKeys = providerKeys;
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    public Choices forCreating(Actor actor) {
        access.require(actor, Action.CREATE_AGENT);
        return choices(actor);
    }

    @Transactional(readOnly = true)
    public Choices forEditing(Actor actor) {
        access.require(actor, Action.UPDATE_AGENT);
        return choices(actor);
    }

    private Choices choices(Actor actor) {
        PlanView plan = plans.effectivePlan(actor.orgId(), actor.tier());
        var models = catalog.choicesFor(actor.tier(), providerKeys.usableOwnKeys(actor.orgId(), actor.tier()));
        return new Choices(models, plan.displayName(), plan.maxRunSeconds());
    }
}
