package com.agenthub.llm;

import com.agenthub.audit.AuditTrail;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Feature;
import com.agenthub.organization.Plans;
import com.agenthub.organization.Tier;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations' own provider keys (BYOK, tier permitting): stored encrypted, shown only as a hint,
 * never logged. Runs prefer an organization's key over the platform's.
 */
@Service
public class ProviderKeys {

    static final Set<Provider> KEYED = EnumSet.of(Provider.OPENAI, Provider.GROQ, Provider.ANTHROPIC);

    private final AccessPolicy access;
    private final Plans plans;
    private final MasterKey masterKey;
    private final LlmProperties platform;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ModelCatalog catalog;
    private final LlmClient llm;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    ProviderKeys(AccessPolicy access, Plans plans, MasterKey masterKey, LlmProperties platform, AuditTrail audit,
                 JdbcClient jdbc, @org.springframework.context.annotation.Lazy ModelCatalog catalog, LlmClient llm,
                 org.springframework.transaction.support.TransactionTemplate transaction) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.llm = llm;
        this.access = access;
        this.plans = plans;
        this.masterKey = masterKey;
        this.platform = platform;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public record KeyStatus(Provider provider, boolean platformKey, String ownKeyHint, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    public List<KeyStatus> statuses(Actor actor) {
        access.require(actor, Action.VIEW_ORGANIZATION);
        record Own(String hint, Instant updatedAt) {
        }
        java.util.Map<String, Own> own = new java.util.HashMap<>();
        jdbc.sql("SELECT provider, key_hint, updated_at FROM provider_keys WHERE org_id = ?").param(actor.orgId())
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), new Own(rs.getString(2), rs.getTimestamp(3).toInstant())))
                .list().forEach(e -> own.put(e.getKey(), e.getValue()));
        return KEYED.stream().map(p -> {
            Own key = own.get(p.id());
            return new KeyStatus(p, platform.configured(p), key == null ? null : key.hint(),
                    key == null ? null : key.updatedAt());
        }).toList();
    }

    @Transactional
    public void save(Actor actor, Provider provider, String key) {
        access.require(actor, Action.MANAGE_PROVIDER_KEYS);
        if (!KEYED.contains(provider)) {
            throw new InvalidRequestException("provider", provider.label() + " does not take an API key here.");
        }
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.length() < 8 || trimmed.length() > 500 || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRequestException("key", "Paste the whole API key: 8 to 500 characters, no spaces.");
        }
        byte[] sealed = masterKey.cipher().encrypt(trimmed, context(actor.orgId(), provider));
        String hint = "…" + trimmed.substring(trimmed.length() - 4);
        jdbc.sql("""
                        INSERT INTO provider_keys (org_id, provider, encrypted_key, key_hint, updated_by)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (org_id, provider) DO UPDATE
                           SET encrypted_key = excluded.encrypted_key, key_hint = excluded.key_hint,
                               updated_by = excluded.updated_by, updated_at = now()""")
                .params(actor.orgId(), provider.id(), sealed, hint, actor.userId())
                .update();
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "PROVIDER_KEY_SAVED", provider.id(), hint);
    }

    @Transactional
    public void remove(Actor actor, Provider provider) {
        access.require(actor, Action.MANAGE_PROVIDER_KEYS);
        int removed = jdbc.sql("DELETE FROM provider_keys WHERE org_id = ? AND provider = ?")
                .params(actor.orgId(), provider.id()).update();
        if (removed == 0) {
            throw new NotFoundException("There is no " + provider.label() + " key to remove.");
        }
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "PROVIDER_KEY_REMOVED", provider.id(), null);
    }

    /** Providers the organization may use its own key for now: keys stored and the plan includes BYOK. */
    @Transactional(readOnly = true)
    public Set<Provider> usableOwnKeys(UUID orgId, Tier tier) {
        if (!plans.effectivePlan(orgId, tier).has(Feature.BYOK)) {
            return EnumSet.noneOf(Provider.class);
        }
        Set<Provider> providers = EnumSet.noneOf(Provider.class);
        jdbc.sql("SELECT provider FROM provider_keys WHERE org_id = ?").param(orgId)
                .query(String.class).list().forEach(id -> Provider.fromId(id).ifPresent(providers::add));
        return providers;
    }

    /** The decrypted key for a run of the bound organization, when its plan allows own keys. */
    @Transactional(readOnly = true)
    public Optional<String> keyForRun(UUID orgId, Provider provider) {
        if (!KEYED.contains(provider) || !plans.currentPlanOf(orgId).has(Feature.BYOK)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT encrypted_key FROM provider_keys WHERE org_id = ? AND provider = ?")
                .params(orgId, provider.id()).query(byte[].class).optional()
                .map(sealed -> masterKey.cipher().decrypt(sealed, context(orgId, provider)));
    }

    /**
     * Calls the provider's cheapest catalog model with the organization's key (or the platform's) and
     * says how it went. Runs outside any transaction: it waits on the network.
     */
    public String testConnection(Actor actor, Provider provider) {
        access.require(actor, Action.MANAGE_PROVIDER_KEYS);
        // Through a transaction of its own: a plain self-call would bind no organization, and RLS would hide the key.
        String key = transaction.execute(status -> keyForRun(actor.orgId(), provider).orElse(null));
        if (key == null && !platform.configured(provider)) {
            throw new InvalidRequestException("key", "There is no " + provider.label() + " key to test yet.");
        }
        ModelView model = catalog.all().stream().filter(m -> m.provider() == provider && m.active())
                .min(java.util.Comparator.comparing(ModelView::inputPricePerMtok))
                .orElseThrow(() -> new InvalidRequestException("provider", "The catalog has no active " + provider.label() + " model."));
        long started = System.nanoTime();
        llm.check(new ModelTarget(provider, model.model(), 0, 5, 1, key));
        return "Connected: " + model.displayName() + " answered in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (key == null ? " (platform key)." : " (your key).");
    }

    private static String context(UUID orgId, Provider provider) {
        return orgId + ":" + provider.id();
    }
}
