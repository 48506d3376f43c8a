package com.agenthub.security;

import com.agenthub.organization.ApiTokenService.TokenHolder;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token: acts as the token's user in the token's organization. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final TokenHolder holder;

    ApiTokenAuthentication(TokenHolder holder) {
        super(List.of(new SimpleGrantedAuthority("ROLE_API")));
        this.holder = holder;
        setAuthenticated(true);
    }

    TokenHolder holder() {
        return holder;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return holder.userId();
    }
}
