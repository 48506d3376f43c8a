-- Teams: agents of one organization combined by a coordination pattern. A team run is an execution with
-- team_id set; each member call is a child execution (a step) with its own model, tokens and cost.

-- The composite keys let team rows reference agents and teams of their own organization only.
ALTER TABLE agents ADD CONSTRAINT agents_id_org_key UNIQUE (id, org_id);

CREATE TABLE teams (
    id               uuid PRIMARY KEY,
    org_id           uuid           NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             text           NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description      text           NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
    pattern          text           NOT NULL CHECK (pattern IN ('PIPELINE', 'HIERARCHICAL', 'COLLABORATIVE', 'DEMOCRATIC')),
    max_rounds       integer        NOT NULL DEFAULT 2 CHECK (max_rounds BETWEEN 1 AND 5),
    max_delegations  integer        NOT NULL DEFAULT 6 CHECK (max_delegations BETWEEN 1 AND 20),
    cost_cap         numeric(12, 4) CHECK (cost_cap > 0),
    timeout_seconds  integer        NOT NULL CHECK (timeout_seconds BETWEEN 10 AND 86400),
    created_by       uuid           REFERENCES users (id),
    created_at       timestamptz    NOT NULL DEFAULT now(),
    updated_at       timestamptz    NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    -- Kept up to date as team runs finish (one writer: TeamRuntime), so lists never sum executions.
    runs             bigint         NOT NULL DEFAULT 0,
    successes        bigint         NOT NULL DEFAULT 0,
    total_cost       numeric(18, 8) NOT NULL DEFAULT 0,
    last_run_at      timestamptz,
    UNIQUE (id, org_id)
);
CREATE UNIQUE INDEX teams_org_name_key ON teams (org_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX teams_org_created_idx ON teams (org_id, created_at DESC, id) WHERE deleted_at IS NULL;
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON teams
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE team_members (
    team_id   uuid     NOT NULL,
    org_id    uuid     NOT NULL,
    agent_id  uuid     NOT NULL,
    position  smallint NOT NULL CHECK (position BETWEEN 1 AND 8),
    role      text     NOT NULL CHECK (char_length(role) BETWEEN 1 AND 60),
    lead      boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (team_id, position),
    UNIQUE (team_id, agent_id),
    FOREIGN KEY (team_id, org_id) REFERENCES teams (id, org_id) ON DELETE CASCADE,
    FOREIGN KEY (agent_id, org_id) REFERENCES agents (id, org_id)
);
CREATE UNIQUE INDEX team_members_one_lead ON team_members (team_id) WHERE lead;
CREATE INDEX team_members_agent_idx ON team_members (org_id, agent_id);
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_members
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- A team run has no agent of its own; a step records its stable name (step_key) so a run resumed on another
-- instance finds the steps that finished instead of running and billing them again.
ALTER TABLE executions ALTER COLUMN agent_id DROP NOT NULL;
ALTER TABLE executions
    ADD COLUMN team_id        uuid REFERENCES teams (id),
    ADD COLUMN team_pattern   text CHECK (team_pattern IN ('PIPELINE', 'HIERARCHICAL', 'COLLABORATIVE', 'DEMOCRATIC')),
    ADD COLUMN step_key       text CHECK (char_length(step_key) <= 60),
    ADD COLUMN step_role      text,
    ADD COLUMN step_round     smallint,
    ADD COLUMN winner_step_id uuid REFERENCES executions (id),
    ADD CONSTRAINT executions_runs_agent_or_team CHECK ((agent_id IS NULL) = (team_id IS NOT NULL)),
    ADD CONSTRAINT executions_step_has_parent CHECK (step_key IS NULL OR parent_id IS NOT NULL);
CREATE UNIQUE INDEX executions_step_key ON executions (parent_id, step_key) WHERE step_key IS NOT NULL;
CREATE INDEX executions_team_created_idx ON executions (org_id, team_id, created_at DESC, id DESC) WHERE team_id IS NOT NULL;
CREATE INDEX executions_parent_idx ON executions (parent_id) WHERE parent_id IS NOT NULL;

-- The ballot of a democratic run: one row per voter; proposal_step_id is null for an abstention.
CREATE TABLE team_votes (
    execution_id      uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    org_id            uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    voter_agent_id    uuid        NOT NULL,
    voter_step_id     uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    proposal_step_id  uuid        REFERENCES executions (id) ON DELETE CASCADE,
    reason            text        NOT NULL CHECK (char_length(reason) <= 500),
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (execution_id, voter_agent_id)
);
ALTER TABLE team_votes ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_votes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_votes
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
