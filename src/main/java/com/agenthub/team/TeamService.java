package com.agenthub.team;

import com.agenthub.audit.AuditTrail;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Limit;
import com.agenthub.organization.Plans;
import com.agenthub.shared.PageSlice;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of the actor's organization. Every method checks role, plan feature and limits first. */
@Service
public class TeamService {

    private final AccessPolicy access;
    private final Plans plans;
    private final TeamStore store;
    private final TeamValidator validator;
    private final AuditTrail audit;

    TeamService(AccessPolicy access, Plans plans, TeamStore store, TeamValidator validator, AuditTrail audit) {
        this.access = access;
        this.plans = plans;
        this.store = store;
        this.validator = validator;
        this.audit = audit;
    }

    @Transactional
    public TeamView create(Actor actor, TeamSettings settings) {
        access.require(actor, Action.CREATE_TEAM);
        check(actor, settings);
        store.lock(actor.orgId());
        access.requireWithinLimit(actor, Limit.MAX_TEAMS, store.count(actor.orgId()));
        requireUniqueName(actor, settings.name(), null);
        UUID id = UUID.randomUUID();
        store.insert(id, actor.orgId(), actor.userId(), normalized(settings));
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "TEAM_CREATED", settings.name().strip(),
                settings.pattern().label() + ", " + settings.members().size() + " members");
        return store.find(actor.orgId(), id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public TeamView get(Actor actor, UUID id) {
        access.require(actor, Action.VIEW_TEAMS);
        return find(actor, id);
    }

    @Transactional(readOnly = true)
    public PageSlice<TeamView> list(Actor actor, int limit, int offset) {
        access.require(actor, Action.VIEW_TEAMS);
        return new PageSlice<>(store.page(actor.orgId(), limit, offset), store.count(actor.orgId()), limit, offset);
    }

    @Transactional(readOnly = true)
    public long count(Actor actor) {
        access.require(actor, Action.VIEW_TEAMS);
        return store.count(actor.orgId());
    }

    /** Replaces the settings and members; callers merge a partial change into {@link #get} first. */
    @Transactional
    public TeamView update(Actor actor, UUID id, TeamSettings settings) {
        access.require(actor, Action.UPDATE_TEAM);
        find(actor, id);
        check(actor, settings);
        store.lock(actor.orgId());
        requireUniqueName(actor, settings.name(), id);
        store.update(id, actor.orgId(), normalized(settings));
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "TEAM_UPDATED", settings.name().strip(), null);
        return find(actor, id);
    }

    /** Soft delete: the team disappears and its name is free again; its runs stay in the history. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        access.require(actor, Action.DELETE_TEAM);
        TeamView team = find(actor, id);
        store.softDelete(id);
        audit.record(actor.orgId(), actor.userId(), actor.user().email(), "TEAM_DELETED", team.name(), null);
    }

    private void check(Actor actor, TeamSettings settings) {
        List<UUID> ids = settings.members() == null ? List.of()
                : settings.members().stream().filter(Objects::nonNull).map(TeamMemberSpec::agentId).filter(Objects::nonNull).toList();
        validator.check(settings, plans.effectivePlan(actor.orgId(), actor.tier()).maxRunSeconds(), store.liveAgents(ids));
    }

    private static TeamSettings normalized(TeamSettings s) {
        return new TeamSettings(s.name().strip(), s.description() == null ? "" : s.description().strip(), s.pattern(),
                s.members(), s.maxRounds(), s.maxDelegations(),
                s.costCap() == null ? null : s.costCap().stripTrailingZeros(), s.timeoutSeconds());
    }

    private TeamView find(Actor actor, UUID id) {
        return store.find(actor.orgId(), id).orElseThrow(() -> new NotFoundException("No such team in this organization."));
    }

    private void requireUniqueName(Actor actor, String name, UUID exceptId) {
        if (store.nameTaken(actor.orgId(), name, exceptId)) {
            throw new ValidationFailedException(List.of(new FieldProblem("name",
                    "A team named '" + name.strip() + "' already exists in this organization.")));
        }
    }
}
