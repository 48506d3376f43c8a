package com.agenthub.organization.api;

import com.agenthub.organization.Actor;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.ApiTokenView;
import com.agenthub.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@ApiController("/api/v1/tokens")
class TokensApiController {

    private final ApiTokenService tokens;

    TokensApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokensResponse(List<ApiTokenView> tokens) {
    }

    record CreateToken(@NotBlank(message = "name is required") @Size(max = 80, message = "name: up to 80 characters") String name) {
    }

    record CreatedTokenResponse(ApiTokenView token, String secret) {
    }

    @Operation(summary = "Your API tokens in this organization")
    @GetMapping
    TokensResponse list(Actor actor) {
        return new TokensResponse(tokens.list(actor));
    }

    @Operation(summary = "Create a token; the secret is returned only here")
    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(Actor actor, @Valid @RequestBody CreateToken body) {
        var created = tokens.create(actor, body.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedTokenResponse(created.token(), created.secret()));
    }

    @Operation(summary = "Revoke one of your tokens")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
