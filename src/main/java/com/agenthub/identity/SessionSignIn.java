package com.agenthub.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a user in right after they created their account (sign-up, accepting an invitation). */
@Component
public class SessionSignIn {

    private final AccountUserDetailsService userDetails;
    private final UserAccounts users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionSignIn(AccountUserDetailsService userDetails, UserAccounts users) {
        this.userDetails = userDetails;
        this.users = users;
    }

    public void signIn(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        var principal = (SignedInUser) userDetails.loadUserByUsername(account.email());
        principal.eraseCredentials();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: never keep a pre-authentication session id
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        users.recordSignIn(account.id());
    }
}
