package com.agenthub.organization;

/**
 * Everything an actor can ask to do, with what it takes. Adding a feature means adding its actions here
 * and a row to the authorization matrix test.
 */
public enum Action {
    VIEW_ORGANIZATION(Role.VIEWER, null),
    RENAME_ORGANIZATION(Role.ADMIN, null),
    VIEW_MEMBERS(Role.VIEWER, null),
    INVITE_MEMBER(Role.ADMIN, null),
    REVOKE_INVITATION(Role.ADMIN, null),
    CHANGE_MEMBER_ROLE(Role.ADMIN, null),
    REMOVE_MEMBER(Role.ADMIN, null),
    /** Granting or taking away the OWNER role. */
    TRANSFER_OWNERSHIP(Role.OWNER, null),
    MANAGE_OWN_API_TOKENS(Role.VIEWER, null),
    VIEW_AGENTS(Role.VIEWER, null),
    CREATE_AGENT(Role.ADMIN, null),
    UPDATE_AGENT(Role.ADMIN, null),
    DELETE_AGENT(Role.ADMIN, null),
    RUN_AGENT(Role.MEMBER, null),
    VIEW_EXECUTIONS(Role.VIEWER, null),
    CLEAR_AGENT_MEMORY(Role.ADMIN, null),
    MANAGE_PROVIDER_KEYS(Role.ADMIN, Feature.BYOK),
    VIEW_TEAMS(Role.VIEWER, Feature.TEAMS),
    CREATE_TEAM(Role.ADMIN, Feature.TEAMS),
    UPDATE_TEAM(Role.ADMIN, Feature.TEAMS),
    DELETE_TEAM(Role.ADMIN, Feature.TEAMS),
    RUN_TEAM(Role.MEMBER, Feature.TEAMS),

    // Platform actions: only a super admin, whatever the organization.
    MANAGE_ORGANIZATIONS,
    VIEW_AUDIT_LOG,
    MANAGE_MODEL_CATALOG,
    VIEW_SYSTEM_STATUS;

    private final Role minimumRole;
    private final Feature feature;
    private final boolean platform;

    Action(Role minimumRole, Feature feature) {
        this.minimumRole = minimumRole;
        this.feature = feature;
        this.platform = false;
    }

    Action() {
        this.minimumRole = null;
        this.feature = null;
        this.platform = true;
    }

    public Role minimumRole() {
        return minimumRole;
    }

    public Feature feature() {
        return feature;
    }

    public boolean platform() {
        return platform;
    }
}
