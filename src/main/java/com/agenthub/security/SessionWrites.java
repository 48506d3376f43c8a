package com.agenthub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC repository wrapped so that a request which only moves the session's last-access time
 * writes nothing while the stored time is less than {@link #TOUCH_EVERY} old. Without it every page view
 * paid an {@code UPDATE} and a synchronous commit. Any other change (sign-in, sign-out, a new id, an
 * attribute set or removed) is saved at once. The cost: an idle session may expire up to a minute early
 * of its 8 hours.
 */
class SessionWrites implements FindByIndexNameSessionRepository<SessionWrites.Tracked> {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<? extends Session> jdbc;

    SessionWrites(JdbcIndexedSessionRepository jdbc) {
        this.jdbc = jdbc; // its session class is not public: held as plain sessions
    }

    @Override
    public Tracked createSession() {
        return new Tracked(jdbc.createSession(), null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void save(Tracked session) {
        if (session.changed || session.stored == null
                || Duration.between(session.stored, session.getLastAccessedTime()).compareTo(TOUCH_EVERY) >= 0) {
            ((org.springframework.session.SessionRepository) jdbc).save(session.inner);
            session.changed = false;
            session.stored = session.getLastAccessedTime();
        }
    }

    @Override
    public Tracked findById(String id) {
        Session found = jdbc.findById(id);
        return found == null ? null : new Tracked(found, found.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        jdbc.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new java.util.LinkedHashMap<>();
        jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Tracked(session, session.getLastAccessedTime())));
        return found;
    }

    /** A session that remembers whether anything but its last-access time changed since it was stored. */
    static final class Tracked implements Session {

        private final Session inner;
        private Instant stored; // last-access time in the database; null until first saved
        private boolean changed;

        private Tracked(Session inner, Instant stored) {
            this.inner = inner;
            this.stored = stored;
        }

        @Override
        public String getId() {
            return inner.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return inner.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return inner.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return inner.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            inner.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            inner.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return inner.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            inner.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return inner.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = changed || !interval.equals(inner.getMaxInactiveInterval());
            inner.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return inner.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return inner.isExpired();
        }
    }
}
