package com.agenthub.llm;

import com.agenthub.audit.AuditTrail;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Tier;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The models agents may use, their prices, and which of them an organization can pick: the model must
 * be active, its tier reached, and its provider configured.
 */
@Service
public class ModelCatalog {

    private final CatalogModelRepository models;
    private final LlmProperties providers;
    private final AccessPolicy access;
    private final AuditTrail audit;

    ModelCatalog(CatalogModelRepository models, LlmProperties providers, AccessPolicy access, AuditTrail audit) {
        this.models = models;
        this.providers = providers;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ModelView> all() {
        return models.findAllByOrderByProviderAscInputPricePerMtokAsc().stream().map(CatalogModel::toView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ModelView> find(String provider, String model) {
        return models.findById(new CatalogModel.Key(provider, model)).map(CatalogModel::toView);
    }

    /** @param ownKeys providers for which the organization has a usable key of its own */
    @Transactional(readOnly = true)
    public List<ModelChoice> choicesFor(Tier tier, Set<Provider> ownKeys) {
        return all().stream().map(m -> choice(m, tier, ownKeys)).toList();
    }

    /**
     * Why an organization on {@code tier} cannot run this model now (deactivated, above its plan, no key, or gone
     * from the catalog), or empty when it can: checked when a run is submitted and when it starts, since the plan
     * and the catalog can change after the agent was saved.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotRunnable(String provider, String model, Tier tier, Set<Provider> ownKeys) {
        return find(provider, model).map(m -> unavailableReason(m, tier, ownKeys))
                .orElseGet(() -> Optional.of(provider + "/" + model + " is no longer in the model catalog."));
    }

    /** Why an organization on {@code tier} cannot use this model, or empty when it can. */
    public Optional<String> unavailableReason(ModelView model, Tier tier, Set<Provider> ownKeys) {
        ModelChoice choice = choice(model, tier, ownKeys);
        return choice.available() ? Optional.empty() : Optional.of(choice.reason());
    }

    public boolean anyRealProviderConfigured() {
        return anyRealProviderUsable(Set.of());
    }

    /** @param ownKeys providers for which the organization has a usable key of its own */
    public boolean anyRealProviderUsable(Set<Provider> ownKeys) {
        for (Provider provider : Provider.values()) {
            if (provider != Provider.SANDBOX && (providers.configured(provider) || ownKeys.contains(provider))) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public ModelView reprice(Actor actor, String provider, String model, BigDecimal input, BigDecimal output,
                             int contextWindow, Tier minTier, boolean active) {
        access.require(actor, Action.MANAGE_MODEL_CATALOG);
        if (input == null || output == null || input.signum() < 0 || output.signum() < 0
                || input.compareTo(new BigDecimal("100000")) > 0 || output.compareTo(new BigDecimal("100000")) > 0) {
            throw new InvalidRequestException("price", "Prices are USD per million tokens, from 0 to 100000.");
        }
        if (contextWindow < 1 || contextWindow > 10_000_000) {
            throw new InvalidRequestException("contextWindow", "The context window is 1 to 10,000,000 tokens.");
        }
        CatalogModel entry = models.findById(new CatalogModel.Key(provider, model))
                .orElseThrow(() -> new NotFoundException("No such model in the catalog."));
        ModelView before = entry.toView();
        entry.reprice(input, output, contextWindow, minTier, active);
        audit.record(null, actor.userId(), actor.user().email(), "MODEL_REPRICED", provider + ":" + model,
                before.inputPricePerMtok() + "/" + before.outputPricePerMtok() + " -> " + input + "/" + output);
        return entry.toView();
    }

    private ModelChoice choice(ModelView model, Tier tier, Set<Provider> ownKeys) {
        if (!model.active()) {
            return new ModelChoice(model, false, model.displayName() + " is not offered at the moment.");
        }
        if (tier.ordinal() < model.minTier().ordinal()) {
            return new ModelChoice(model, false, model.displayName() + " needs the " + model.minTier().label()
                    + " plan or higher.");
        }
        if (model.provider() == Provider.OPENAI_COMPATIBLE && !providers.configured(model.provider())) {
            return new ModelChoice(model, false, "No OpenAI-compatible server is configured on this platform (OPENAI_BASE_URL).");
        }
        if (!providers.configured(model.provider()) && !ownKeys.contains(model.provider())) {
            return new ModelChoice(model, false, "No " + model.provider().label() + " key is configured on this "
                    + "platform (" + model.provider().setting() + "); add your own on Settings → Providers.");
        }
        return new ModelChoice(model, true, null);
    }
}
