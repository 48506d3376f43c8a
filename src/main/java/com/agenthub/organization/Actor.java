package com.agenthub.organization;

import com.agenthub.identity.UserAccount;
import java.util.List;
import java.util.UUID;

/**
 * Who is acting, and in which organization: the signed-in user (or API token holder), their platform
 * role, and their membership in the current organization, if any. Resolved afresh for every request.
 *
 * @param current the membership in the organization the request acts in; null when the user has none
 * @param memberships every organization the user belongs to (for the switcher)
 */
public record Actor(UserAccount user, OrganizationMembership current, List<OrganizationMembership> memberships) {

    public UUID userId() {
        return user.id();
    }

    public boolean superAdmin() {
        return user.isSuperAdmin();
    }

    public boolean hasOrganization() {
        return current != null;
    }

    public UUID orgId() {
        return current == null ? null : current.orgId();
    }

    public Role role() {
        return current == null ? null : current.role();
    }

    public Tier tier() {
        return current == null ? null : current.tier();
    }

    public boolean hasRole(Role minimum) {
        return current != null && current.role().atLeast(minimum);
    }
}
