package com.agenthub.organization.api;

import com.agenthub.organization.Actor;
import com.agenthub.organization.MemberService;
import com.agenthub.organization.MemberView;
import com.agenthub.organization.Role;
import com.agenthub.shared.web.ApiController;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController("/api/v1/members")
class MembersApiController {

    private final MemberService members;

    MembersApiController(MemberService members) {
        this.members = members;
    }

    record MembersResponse(List<MemberView> members, long total, int limit, int offset) {
    }

    record RoleChange(@NotNull(message = "role is required: OWNER, ADMIN, MEMBER or VIEWER") Role role) {
    }

    @Operation(summary = "Members of the token's organization")
    @GetMapping
    MembersResponse list(Actor actor, @RequestParam(defaultValue = "50") String limit,
                         @RequestParam(defaultValue = "0") String offset) {
        List<FieldProblem> problems = new ArrayList<>();
        int limitValue = QueryParameters.wholeNumber(limit, "limit", 1, 200, problems);
        int offsetValue = QueryParameters.wholeNumber(offset, "offset", 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        var page = members.list(actor, limitValue, offsetValue);
        return new MembersResponse(page.items(), page.total(), limitValue, offsetValue);
    }

    @Operation(summary = "One member")
    @GetMapping("/{userId}")
    MemberView get(Actor actor, @PathVariable UUID userId) {
        return members.member(actor, userId)
                .orElseThrow(() -> new NotFoundException("No such member in this organization."));
    }

    @Operation(summary = "Change a member's role (ADMIN; OWNER for owner changes)")
    @PatchMapping("/{userId}")
    MemberView changeRole(Actor actor, @PathVariable UUID userId, @Valid @RequestBody RoleChange change) {
        members.changeRole(actor, userId, change.role());
        return get(actor, userId);
    }

    @Operation(summary = "Remove a member (ADMIN; OWNER to remove an owner)")
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable UUID userId) {
        members.remove(actor, userId);
        return ResponseEntity.noContent().build();
    }
}
