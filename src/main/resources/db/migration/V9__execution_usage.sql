-- Runs submitted per organization and month, kept as they are submitted, so the monthly quota check
-- reads one row instead of counting a month of executions.
CREATE TABLE execution_usage (
    org_id      uuid   NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    month       date   NOT NULL,
    executions  bigint NOT NULL CHECK (executions >= 0),
    PRIMARY KEY (org_id, month)
);

INSERT INTO execution_usage (org_id, month, executions)
SELECT org_id, date_trunc('month', created_at)::date, count(*)
  FROM executions WHERE parent_id IS NULL GROUP BY 1, 2;

ALTER TABLE execution_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE execution_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON execution_usage
    USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
