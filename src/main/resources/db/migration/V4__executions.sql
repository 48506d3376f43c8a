-- Executions (runs of an agent), their event log, agents' memory, and the job scheduler's table.

CREATE TABLE executions (
    id             uuid PRIMARY KEY,
    org_id         uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    agent_id       uuid        NOT NULL REFERENCES agents (id),
    parent_id      uuid        REFERENCES executions (id),
    task           text        NOT NULL CHECK (char_length(task) BETWEEN 1 AND 20000),
    context        jsonb,
    status         text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT')),
    output         text,
    error          text,
    provider       text,
    model          text,
    input_tokens   integer,
    output_tokens  integer,
    cost           numeric(18, 8),
    duration_ms    bigint,
    attempts       integer     NOT NULL DEFAULT 0,
    priority       smallint    NOT NULL DEFAULT 0,
    max_tokens     integer,
    requested_by   uuid        REFERENCES users (id),
    cache_hit      boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    version        bigint      NOT NULL DEFAULT 0
);
-- Newest first, keyset-paged: (created_at, id) is the cursor.
CREATE INDEX executions_org_created_idx ON executions (org_id, created_at DESC, id DESC);
CREATE INDEX executions_agent_created_idx ON executions (org_id, agent_id, created_at DESC, id DESC);
CREATE INDEX executions_org_status_created_idx ON executions (org_id, status, created_at DESC, id DESC);
CREATE INDEX executions_active_idx ON executions (org_id) WHERE status = 'RUNNING';
ALTER TABLE executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE executions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON executions
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE execution_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    execution_id  uuid        NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    message       text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX execution_events_execution_idx ON execution_events (execution_id, id);
ALTER TABLE execution_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE execution_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON execution_events
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- Conversation memory per agent (user_id NULL) or per agent and user.
CREATE TABLE agent_memory (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    agent_id    uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    user_id     uuid        REFERENCES users (id),
    role        text        NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    content     text        NOT NULL,
    tokens      integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_memory_lookup_idx ON agent_memory (org_id, agent_id, user_id, id DESC);
ALTER TABLE agent_memory ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_memory FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agent_memory
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- db-scheduler ships no DDL; this is its PostgreSQL table with the priority column.
CREATE TABLE scheduled_tasks (
    task_name             text                     NOT NULL,
    task_instance         text                     NOT NULL,
    task_data             bytea,
    execution_time        timestamp with time zone NOT NULL,
    picked                boolean                  NOT NULL,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint                   NOT NULL,
    priority              smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
