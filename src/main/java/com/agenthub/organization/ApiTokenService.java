package com.agenthub.organization;

import com.agenthub.audit.AuditTrail;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens act as their user in one organization, with that user's current role there. Only a hash is
 * stored; the token is shown once.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "ah_";
    private static final long TOUCH_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AccessPolicy access;
    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Map<UUID, Long> touched = new ConcurrentHashMap<>();

    ApiTokenService(AccessPolicy access, ApiTokenRepository tokens, AuditTrail audit, JdbcClient jdbc,
                    TransactionTemplate transaction) {
        this.access = access;
        this.tokens = tokens;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public record CreatedToken(ApiTokenView token, String secret) {
    }

    public record TokenHolder(UUID tokenId, UUID orgId, UUID userId) {
    }

    @Transactional
    public CreatedToken create(Actor actor, String name) {
        access.require(actor, Action.MANAGE_OWN_API_TOKENS);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new InvalidRequestException("name", "Name the token (up to 80 characters), e.g. \"CI pipeline\".");
        }
        String secret = SecretTokens.generate(PREFIX);
        ApiToken token = tokens.saveAndFlush(new ApiToken(actor.orgId(), actor.userId(), trimmed,
                secret.substring(0, PREFIX.length() + 6), SecretTokens.hash(secret)));
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "API_TOKEN_CREATED", trimmed, null);
        return new CreatedToken(token.toView(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(Actor actor) {
        access.require(actor, Action.MANAGE_OWN_API_TOKENS);
        return tokens.findByOrgIdAndUserIdOrderByCreatedAtDesc(actor.orgId(), actor.userId()).stream()
                .map(ApiToken::toView).toList();
    }

    @Transactional
    public void revoke(Actor actor, UUID tokenId) {
        access.require(actor, Action.MANAGE_OWN_API_TOKENS);
        ApiToken token = tokens.findByIdAndOrgIdAndUserId(tokenId, actor.orgId(), actor.userId())
                .orElseThrow(() -> new NotFoundException("No such API token."));
        token.revoke();
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "API_TOKEN_REVOKED",
                token.toView().name(), null);
    }

    /** Finds the holder of an active token; records its use at most once a minute. */
    public Optional<TokenHolder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<TokenHolder> holder = jdbc.sql("SELECT token_id, org_id, user_id FROM api_token_lookup(?)")
                .param(SecretTokens.hash(secret))
                .query((rs, n) -> new TokenHolder((UUID) rs.getObject(1), (UUID) rs.getObject(2), (UUID) rs.getObject(3)))
                .optional();
        holder.filter(h -> dueForTouch(h.tokenId())).ifPresent(h -> TenantContext.runAs(h.orgId(), () ->
                transaction.executeWithoutResult(s -> jdbc.sql("""
                                UPDATE api_tokens SET last_used_at = now()
                                 WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                        .param(h.tokenId()).update())));
        return holder;
    }

    /**
     * "Last used" is kept to the minute, so a token this instance marked less than a minute ago needs no
     * transaction: a program calling the API many times a second would otherwise pay one per request.
     */
    private boolean dueForTouch(UUID tokenId) {
        long now = System.nanoTime();
        Long last = touched.get(tokenId);
        if (last != null && now - last < TOUCH_EVERY_NANOS) {
            return false;
        }
        if (touched.size() > 10_000) {
            touched.clear(); // only a marker of recent writes: forgetting costs one extra write per token
        }
        touched.put(tokenId, now);
        return true;
    }

    /** For the demo seeder: is this previously issued secret still valid? The caller binds the organization. */
    boolean isActive(String secret) {
        return tokens.existsByTokenHashAndRevokedAtIsNull(SecretTokens.hash(secret));
    }
}
