package com.agenthub.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's signed-in sessions other than the one in use: after a password change, whoever signed in with
 * the old password (another device, or someone who learned it) is signed out on their next request.
 */
@Component
class OtherSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OtherSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Sessions are indexed by the principal's name, which for us is the email address. */
    void end(SignedInUser user, String keptSessionId) {
        sessions.findByPrincipalName(user.getUsername()).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
