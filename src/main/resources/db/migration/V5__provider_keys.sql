-- Organizations' own provider keys (BYOK), encrypted with AES-GCM under the master key; never stored in clear.
CREATE TABLE provider_keys (
    org_id         uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider       text        NOT NULL CHECK (provider IN ('openai', 'groq', 'anthropic')),
    encrypted_key  bytea       NOT NULL,
    key_hint       text        NOT NULL,
    updated_by     uuid        REFERENCES users (id),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, provider)
);
ALTER TABLE provider_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON provider_keys
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
