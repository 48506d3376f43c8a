package com.agenthub.security;

import com.agenthub.identity.SignedInUser;
import com.agenthub.identity.UserAccount;
import com.agenthub.identity.UserAccounts;
import com.agenthub.organization.Actor;
import com.agenthub.organization.CurrentOrganization;
import com.agenthub.organization.MembershipDirectory;
import com.agenthub.organization.OrganizationMembership;
import com.agenthub.shared.tenancy.PlatformAdminContext;
import com.agenthub.shared.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves who acts in which organization, afresh on every request (so a changed role or a removed
 * member takes effect at once), and binds that organization for the request's transactions.
 */
final class CurrentActorFilter extends OncePerRequestFilter {

    private final UserAccounts users;
    private final MembershipDirectory directory;
    private final boolean api;

    CurrentActorFilter(UserAccounts users, MembershipDirectory directory, boolean api) {
        this.users = users;
        this.directory = directory;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID userId;
        UUID wantedOrg;
        if (authentication instanceof ApiTokenAuthentication token) {
            userId = token.holder().userId();
            wantedOrg = token.holder().orgId();
        } else if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            userId = user.userId();
            HttpSession session = request.getSession(false);
            wantedOrg = session == null ? null : (UUID) session.getAttribute(CurrentOrganization.SESSION_ATTRIBUTE);
        } else {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> account = users.findById(userId);
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            refuse(request, response, 401, "Your account no longer exists.");
            return;
        }
        List<OrganizationMembership> memberships = directory.membershipsOf(userId);
        OrganizationMembership current = pick(memberships, wantedOrg);
        if (api && current == null) {
            ProblemResponses.write(response, 401, "Unauthorized",
                    "The API token's user is no longer a member of its organization.");
            return;
        }
        if (!api && current != null && !current.orgId().equals(wantedOrg)) {
            request.getSession().setAttribute(CurrentOrganization.SESSION_ATTRIBUTE, current.orgId());
        }
        Actor actor = new Actor(account.get(), current, memberships);
        request.setAttribute(Actor.class.getName(), actor);
        // Error pages rendered by an exception handler get no @ModelAttribute values; Thymeleaf also reads request
        // attributes, so these keep the normal layout (navigation, who is signed in) on a 403 or 404 too.
        request.setAttribute("actor", actor);
        request.setAttribute("currentPath", request.getRequestURI());
        if (current != null && current.suspended() && !allowedWhileSuspended(request, actor)) {
            refuse(request, response, 403, current.orgName() + " is suspended: " + current.suspendedReason());
            return;
        }
        try (var admin = platformAdminScope(request, actor)) {
            if (current == null) {
                chain.doFilter(request, response);
                return;
            }
            try (var scope = TenantContext.open(current.orgId())) {
                chain.doFilter(request, response);
            }
        }
    }

    /** Only the admin pages of a super admin may use the database's cross-organization functions. */
    private TenantContext.Scope platformAdminScope(HttpServletRequest request, Actor actor) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!api && actor.superAdmin() && (path.equals("/admin") || path.startsWith("/admin/"))) {
            return PlatformAdminContext.open(actor.userId());
        }
        return () -> { };
    }

    private static OrganizationMembership pick(List<OrganizationMembership> memberships, UUID wanted) {
        if (wanted != null) {
            for (OrganizationMembership m : memberships) {
                if (m.orgId().equals(wanted)) {
                    return m;
                }
            }
        }
        return memberships.isEmpty() ? null : memberships.get(0);
    }

    private boolean allowedWhileSuspended(HttpServletRequest request, Actor actor) {
        if (api) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/suspended") || path.equals("/logout") || path.startsWith("/orgs/")
                || path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/error")
                || (actor.superAdmin() && path.startsWith("/admin"));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        if (api) {
            ProblemResponses.write(response, status, status == 401 ? "Unauthorized" : "Forbidden", detail);
        } else if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", status == 401 ? "/login" : "/suspended");
            response.setStatus(204);
        } else {
            response.sendRedirect(request.getContextPath() + (status == 401 ? "/login" : "/suspended"));
        }
    }
}
