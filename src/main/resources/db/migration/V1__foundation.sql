-- Foundation schema: plans, organizations, users, memberships, invitations, API tokens, audit log.
-- Runs as the owner role. The application connects as ${app_role}: NOSUPERUSER, NOBYPASSRLS, owns nothing.
-- Every tenant table is ENABLE + FORCE row level security, its policy next to it.

ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The organization bound to the current transaction, or NULL. The nullif matters: once a
-- transaction-local setting ends, the value reads as '' rather than NULL, and ''::uuid throws.
CREATE FUNCTION app_current_org() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

-- Plans are data a super admin edits. NULL limit = unlimited.
CREATE TABLE plans (
    tier                       text PRIMARY KEY CHECK (tier IN ('FREE', 'STARTER', 'GROWTH', 'ENTERPRISE')),
    display_name               text    NOT NULL,
    rank                       integer NOT NULL UNIQUE,
    max_agents                 integer,
    max_teams                  integer,
    max_executions_per_month   integer,
    max_concurrent_executions  integer,
    api_requests_per_minute    integer,
    teams                      boolean NOT NULL,
    byok                       boolean NOT NULL,
    publish_templates          boolean NOT NULL,
    intelligence               boolean NOT NULL,
    queue_priority             text    NOT NULL CHECK (queue_priority IN ('LOW', 'NORMAL', 'HIGH')),
    version                    bigint  NOT NULL DEFAULT 0
);

INSERT INTO plans (tier, display_name, rank, max_agents, max_teams, max_executions_per_month,
                   max_concurrent_executions, api_requests_per_minute, teams, byok, publish_templates,
                   intelligence, queue_priority)
VALUES ('FREE',       'Free',       0, 2,    0,    100,   1,  30,   false, false, false, false, 'LOW'),
       ('STARTER',    'Starter',    1, 10,   0,    2000,  3,  120,  false, true,  false, false, 'NORMAL'),
       ('GROWTH',     'Growth',     2, 50,   10,   25000, 10, 600,  true,  true,  true,  true,  'NORMAL'),
       ('ENTERPRISE', 'Enterprise', 3, NULL, NULL, NULL,  50, 3000, true,  true,  true,  true,  'HIGH');

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL CHECK (email = lower(email)),
    display_name   text        NOT NULL,
    password_hash  text        NOT NULL,
    platform_role  text        CHECK (platform_role IN ('SUPER_ADMIN')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    version        bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE organizations (
    id                uuid PRIMARY KEY,
    name              text        NOT NULL,
    tier              text        NOT NULL REFERENCES plans (tier),
    suspended_at      timestamptz,
    suspended_reason  text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0
);
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations
    USING (id = app_current_org()) WITH CHECK (id = app_current_org());
-- Only the owner role, i.e. the SECURITY DEFINER functions below, reads across tenants.
CREATE POLICY definer_read ON organizations FOR SELECT TO CURRENT_USER USING (true);

CREATE TABLE org_limit_overrides (
    org_id       uuid    NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    limit_name   text    NOT NULL CHECK (limit_name IN ('max_agents', 'max_teams', 'max_executions_per_month',
                                                         'max_concurrent_executions', 'api_requests_per_minute')),
    limit_value  integer CHECK (limit_value >= 0),
    PRIMARY KEY (org_id, limit_name)
);
ALTER TABLE org_limit_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_limit_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON org_limit_overrides
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE memberships (
    id          uuid PRIMARY KEY,
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id),
    role        text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    UNIQUE (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
CREATE POLICY definer_read ON memberships FOR SELECT TO CURRENT_USER USING (true);

CREATE TABLE invitations (
    id           uuid PRIMARY KEY,
    org_id       uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email        text        NOT NULL CHECK (email = lower(email)),
    role         text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    token_hash   text        NOT NULL UNIQUE,
    invited_by   uuid        NOT NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    version      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX invitations_org_idx ON invitations (org_id, created_at DESC);
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
CREATE POLICY definer_read ON invitations FOR SELECT TO CURRENT_USER USING (true);

-- Only a SHA-256 of the token is stored; the token itself is shown once.
CREATE TABLE api_tokens (
    id            uuid PRIMARY KEY,
    org_id        uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id       uuid        NOT NULL REFERENCES users (id),
    name          text        NOT NULL,
    token_prefix  text        NOT NULL,
    token_hash    text        NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_org_user_idx ON api_tokens (org_id, user_id);
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_tokens
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
CREATE POLICY definer_read ON api_tokens FOR SELECT TO CURRENT_USER USING (true);

-- Append-only: security events without an organization (a failed sign-in) have org_id NULL.
-- A tenant reads only its own events; platform admins read through admin_audit_events().
CREATE TABLE audit_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         uuid,  -- no foreign key: the log outlives what it mentions
    actor_user_id  uuid,
    actor_email    text,
    action         text        NOT NULL,
    target         text,
    detail         text,
    ip_address     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC);
CREATE INDEX audit_events_org_idx ON audit_events (org_id, created_at DESC);
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON audit_events FOR SELECT USING (org_id = app_current_org());
CREATE POLICY tenant_append ON audit_events FOR INSERT
    WITH CHECK (org_id IS NULL OR org_id = app_current_org());
CREATE POLICY definer_read ON audit_events FOR SELECT TO CURRENT_USER USING (true);
REVOKE UPDATE, DELETE ON audit_events FROM ${app_role};

-- Cross-tenant look-ups the app needs before a tenant is known, each as narrow as it can be.
-- They run as the owner (SECURITY DEFINER) and return only what the caller needs.

CREATE FUNCTION user_memberships(p_user_id uuid)
    RETURNS TABLE (org_id uuid, org_name text, role text, tier text,
                   suspended_at timestamptz, suspended_reason text, joined_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT o.id, o.name, m.role, o.tier, o.suspended_at, o.suspended_reason, m.created_at
          FROM memberships m JOIN organizations o ON o.id = m.org_id
         WHERE m.user_id = p_user_id
         ORDER BY m.created_at, o.name
    $$;

CREATE FUNCTION api_token_lookup(p_token_hash text)
    RETURNS TABLE (token_id uuid, org_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT t.id, t.org_id, t.user_id FROM api_tokens t
         WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL
    $$;

CREATE FUNCTION invitation_lookup(p_token_hash text)
    RETURNS TABLE (invitation_id uuid, org_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT i.id, i.org_id FROM invitations i WHERE i.token_hash = p_token_hash
    $$;

-- For the super admin's organizations page; the service checks the platform role and audits.
CREATE FUNCTION admin_organizations(p_search text, p_limit integer, p_offset integer)
    RETURNS TABLE (org_id uuid, org_name text, tier text, member_count bigint, suspended_at timestamptz,
                   suspended_reason text, created_at timestamptz, total_count bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT o.id, o.name, o.tier,
               (SELECT count(*) FROM memberships m WHERE m.org_id = o.id),
               o.suspended_at, o.suspended_reason, o.created_at,
               count(*) OVER ()
          FROM organizations o
         WHERE p_search IS NULL OR o.name ILIKE '%' || p_search || '%'
         ORDER BY o.created_at DESC, o.id
         LIMIT p_limit OFFSET p_offset
    $$;

CREATE FUNCTION admin_audit_events(p_limit integer, p_offset integer)
    RETURNS TABLE (id bigint, org_id uuid, org_name text, actor_email text, action text, target text,
                   detail text, ip_address text, created_at timestamptz, total_count bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT a.id, a.org_id, o.name, a.actor_email, a.action, a.target, a.detail, a.ip_address,
               a.created_at, count(*) OVER ()
          FROM audit_events a LEFT JOIN organizations o ON o.id = a.org_id
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT p_limit OFFSET p_offset
    $$;

REVOKE ALL ON FUNCTION user_memberships(uuid), api_token_lookup(text), invitation_lookup(text),
    admin_organizations(text, integer, integer), admin_audit_events(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION user_memberships(uuid), api_token_lookup(text), invitation_lookup(text),
    admin_organizations(text, integer, integer), admin_audit_events(integer, integer) TO ${app_role};
