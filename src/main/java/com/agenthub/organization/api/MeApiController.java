package com.agenthub.organization.api;

import com.agenthub.organization.Actor;
import com.agenthub.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;

@ApiController("/api/v1")
class MeApiController {

    record MeResponse(UserJson user, OrganizationJson organization, String role, String platformRole) {
    }

    record UserJson(UUID id, String email, String displayName) {
    }

    record OrganizationJson(UUID id, String name, String tier) {
    }

    @Operation(summary = "The token's user, organization, role and tier")
    @GetMapping("/me")
    MeResponse me(Actor actor) {
        var user = actor.user();
        var current = actor.current();
        return new MeResponse(new UserJson(user.id(), user.email(), user.displayName()),
                new OrganizationJson(current.orgId(), current.orgName(), current.tier().name()),
                current.role().name(), user.platformRole() == null ? null : user.platformRole().name());
    }
}
