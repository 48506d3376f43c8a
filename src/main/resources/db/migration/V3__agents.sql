-- Agents (tenant data) and the model catalog with prices (platform data a super admin edits).

CREATE TABLE model_catalog (
    provider              text          NOT NULL CHECK (provider IN ('openai', 'groq', 'anthropic', 'openai_compatible', 'sandbox')),
    model                 text          NOT NULL,
    display_name          text          NOT NULL,
    input_price_per_mtok  numeric(12, 6) NOT NULL CHECK (input_price_per_mtok >= 0),
    output_price_per_mtok numeric(12, 6) NOT NULL CHECK (output_price_per_mtok >= 0),
    context_window        integer       NOT NULL CHECK (context_window > 0),
    min_tier              text          NOT NULL DEFAULT 'FREE' REFERENCES plans (tier),
    active                boolean       NOT NULL DEFAULT true,
    version               bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, model)
);

-- Public list prices in USD per million tokens (input, output) as published by each provider.
INSERT INTO model_catalog (provider, model, display_name, input_price_per_mtok, output_price_per_mtok, context_window, min_tier) VALUES
    ('sandbox',   'sandbox',                 'Sandbox (simulated, offline)', 0,     0,     32768,   'FREE'),
    ('openai',    'gpt-4o-mini',             'GPT-4o mini',                  0.15,  0.60,  128000,  'FREE'),
    ('openai',    'gpt-4o',                  'GPT-4o',                       2.50,  10.00, 128000,  'STARTER'),
    ('openai',    'gpt-4.1-mini',            'GPT-4.1 mini',                 0.40,  1.60,  1047576, 'FREE'),
    ('openai',    'gpt-4.1',                 'GPT-4.1',                      2.00,  8.00,  1047576, 'STARTER'),
    ('openai',    'gpt-5-mini',              'GPT-5 mini',                   0.25,  2.00,  400000,  'FREE'),
    ('openai',    'gpt-5',                   'GPT-5',                        1.25,  10.00, 400000,  'STARTER'),
    ('groq',      'llama-3.1-8b-instant',    'Llama 3.1 8B Instant (Groq)',  0.05,  0.08,  131072,  'FREE'),
    ('groq',      'llama-3.3-70b-versatile', 'Llama 3.3 70B (Groq)',         0.59,  0.79,  131072,  'FREE'),
    ('groq',      'openai/gpt-oss-120b',     'GPT-OSS 120B (Groq)',          0.15,  0.75,  131072,  'FREE'),
    ('anthropic', 'claude-haiku-4-5',        'Claude Haiku 4.5',             1.00,  5.00,  200000,  'FREE'),
    ('anthropic', 'claude-sonnet-4-5',       'Claude Sonnet 4.5',            3.00,  15.00, 200000,  'STARTER'),
    ('anthropic', 'claude-opus-4-1',         'Claude Opus 4.1',              15.00, 75.00, 200000,  'GROWTH'),
    ('openai_compatible', 'llama3.1',        'Llama 3.1 (your OpenAI-compatible server)', 0, 0, 131072, 'FREE');

CREATE TABLE agents (
    id                   uuid PRIMARY KEY,
    org_id               uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                 text          NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description          text          NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
    provider             text          NOT NULL,
    model                text          NOT NULL,
    temperature          numeric(3, 2) NOT NULL CHECK (temperature BETWEEN 0 AND 2),
    max_tokens           integer       NOT NULL CHECK (max_tokens BETWEEN 1 AND 200000),
    top_p                numeric(3, 2) NOT NULL CHECK (top_p BETWEEN 0 AND 1),
    fallback_provider    text,
    fallback_model       text,
    traits               text[]        NOT NULL DEFAULT '{}',
    tone                 text          NOT NULL CHECK (tone IN ('PROFESSIONAL', 'CASUAL', 'FORMAL', 'ENTHUSIASTIC')),
    behavior             text          NOT NULL CHECK (behavior IN ('HELPFUL', 'DIRECT', 'EMPATHETIC', 'TECHNICAL')),
    language_style       text          NOT NULL CHECK (language_style IN ('CONCISE', 'DETAILED', 'CONVERSATIONAL')),
    instructions         text          NOT NULL DEFAULT '' CHECK (char_length(instructions) <= 20000),
    tools                text[]        NOT NULL DEFAULT '{}',
    memory_mode          text          NOT NULL CHECK (memory_mode IN ('NONE', 'PER_AGENT', 'PER_USER')),
    memory_max_messages  integer       NOT NULL CHECK (memory_max_messages BETWEEN 0 AND 200),
    memory_token_budget  integer       NOT NULL CHECK (memory_token_budget BETWEEN 0 AND 200000),
    cache_enabled        boolean       NOT NULL DEFAULT false,
    status               text          NOT NULL DEFAULT 'IDLE' CHECK (status IN ('IDLE', 'BUSY', 'OFFLINE', 'ERROR')),
    created_by           uuid          REFERENCES users (id),
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    -- Kept up to date as executions finish; pages derive averages and the success rate.
    runs                 bigint        NOT NULL DEFAULT 0,
    successes            bigint        NOT NULL DEFAULT 0,
    total_tokens         bigint        NOT NULL DEFAULT 0,
    total_cost           numeric(18, 8) NOT NULL DEFAULT 0,
    total_duration_ms    bigint        NOT NULL DEFAULT 0,
    last_run_at          timestamptz,
    version              bigint        NOT NULL DEFAULT 0
);
-- A name is unique among an organization's live agents; a deleted agent frees its name.
CREATE UNIQUE INDEX agents_org_name_key ON agents (org_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX agents_org_created_idx ON agents (org_id, created_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX agents_org_updated_idx ON agents (org_id, updated_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX agents_org_runs_idx ON agents (org_id, runs DESC, id) WHERE deleted_at IS NULL;
ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agents
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
