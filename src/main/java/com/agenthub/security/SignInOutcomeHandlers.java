package com.agenthub.security;

import com.agenthub.audit.AuditTrail;
import com.agenthub.identity.EmailAddress;
import com.agenthub.identity.LoginThrottle;
import com.agenthub.identity.SignedInUser;
import com.agenthub.identity.UserAccounts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Records sign-ins and failed attempts in the audit log; a sign-in clears its attempt from the throttle. */
final class SignInOutcomeHandlers {

    private SignInOutcomeHandlers() {
    }

    static SavedRequestAwareAuthenticationSuccessHandler success(UserAccounts users, AuditTrail audit,
                                                                 LoginThrottle throttle) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                SignedInUser user = (SignedInUser) authentication.getPrincipal();
                throttle.succeeded(request.getRemoteAddr(), request.getParameter("username"));
                users.recordSignIn(user.userId());
                audit.record(null, user.userId(), user.getUsername(), "SIGNED_IN", user.getUsername(), null);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/dashboard");
        return handler;
    }

    static SimpleUrlAuthenticationFailureHandler failure(AuditTrail audit) {
        return new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException exception) throws IOException, ServletException {
                String email = EmailAddress.normalize(request.getParameter("username"));
                audit.record(null, null, email, "SIGN_IN_FAILED", email, null);
                super.onAuthenticationFailure(request, response, exception);
            }
        };
    }
}
