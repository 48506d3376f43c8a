package com.agenthub.security;

import com.agenthub.audit.AuditTrail;
import com.agenthub.identity.EmailAddress;
import com.agenthub.identity.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts beyond the failure budgets of {@link LoginThrottle}, before any password check. The
 * client address is the real client's once Tomcat has read a trusted proxy's X-Forwarded-For.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final AuditTrail audit;

    LoginThrottleFilter(LoginThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = EmailAddress.normalize(request.getParameter("username"));
        Optional<Duration> wait = throttle.tryAttempt(request.getRemoteAddr(), email);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit.record(null, null, email, "SIGN_IN_THROTTLED", email, "retry in " + seconds + " s");
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
