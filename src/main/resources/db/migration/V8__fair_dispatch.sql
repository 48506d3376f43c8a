-- Fair dispatch. Queued runs wait in executions; a run gets a job only when its organization has a free
-- slot (max_concurrent_executions, with overrides). The job queue therefore never holds more than the
-- organizations' slots, so one organization's backlog cannot push another's run back.
ALTER TABLE executions ADD COLUMN dispatched_at timestamptz;

CREATE POLICY definer_dispatch ON executions FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY definer_read ON org_limit_overrides FOR SELECT TO CURRENT_USER USING (true);

-- Runs queued before this migration already have their jobs.
UPDATE executions SET dispatched_at = created_at WHERE status IN ('QUEUED', 'RUNNING') AND parent_id IS NULL;

CREATE INDEX executions_waiting_idx ON executions (org_id, created_at, id)
    WHERE status = 'QUEUED' AND dispatched_at IS NULL AND parent_id IS NULL;
CREATE INDEX executions_dispatched_idx ON executions (org_id)
    WHERE status IN ('QUEUED', 'RUNNING') AND dispatched_at IS NOT NULL;

-- Marks the runs that may start now and returns them: per organization the oldest waiting runs up to its
-- free slots, higher plan priority first, plus any waiting run already past its deadline (its job ends it
-- as timed out at once). The caller holds the dispatch lock and schedules the jobs in the same transaction.
CREATE FUNCTION dispatch_executions(p_max integer)
    RETURNS TABLE (execution_id uuid, org_id uuid, priority smallint)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
    AS $$
        WITH waiting_orgs AS (
            SELECT DISTINCT w.org_id FROM executions w
             WHERE w.status = 'QUEUED' AND w.dispatched_at IS NULL AND w.parent_id IS NULL),
        capacity AS (
            SELECT w.org_id,
                   CASE WHEN ov.org_id IS NOT NULL THEN ov.limit_value ELSE p.max_concurrent_executions END AS slots,
                   (SELECT count(*) FROM executions a
                     WHERE a.org_id = w.org_id AND a.status IN ('QUEUED', 'RUNNING') AND a.dispatched_at IS NOT NULL) AS active
              FROM waiting_orgs w
              JOIN organizations o ON o.id = w.org_id
              JOIN plans p ON p.tier = o.tier
              LEFT JOIN org_limit_overrides ov ON ov.org_id = w.org_id AND ov.limit_name = 'max_concurrent_executions'
             WHERE o.suspended_at IS NULL),
        picked AS (
            SELECT n.id FROM capacity c
            CROSS JOIN LATERAL (
                SELECT e.id, e.priority, e.created_at FROM executions e
                 WHERE e.org_id = c.org_id AND e.status = 'QUEUED' AND e.dispatched_at IS NULL AND e.parent_id IS NULL
                 ORDER BY e.created_at, e.id
                 LIMIT greatest(0, coalesce(c.slots - c.active, p_max))) n
             ORDER BY n.priority DESC, n.created_at
             LIMIT p_max),
        expired AS (
            SELECT e.id FROM executions e
             WHERE e.status = 'QUEUED' AND e.dispatched_at IS NULL AND e.parent_id IS NULL AND e.deadline_at < now()
             LIMIT p_max)
        UPDATE executions x SET dispatched_at = now()
          FROM (SELECT id FROM picked UNION SELECT id FROM expired) d
         WHERE x.id = d.id
        RETURNING x.id, x.org_id, x.priority
    $$;

-- Queued runs by priority for Admin → System status and the metrics: aggregates only.
CREATE FUNCTION admin_queue_depth()
    RETURNS TABLE (priority smallint, waiting bigint, dispatched bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT e.priority, count(*) FILTER (WHERE e.dispatched_at IS NULL), count(*) FILTER (WHERE e.dispatched_at IS NOT NULL)
          FROM executions e WHERE e.status = 'QUEUED' AND e.parent_id IS NULL GROUP BY e.priority
    $$;

REVOKE ALL ON FUNCTION dispatch_executions(integer), admin_queue_depth() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dispatch_executions(integer), admin_queue_depth() TO ${app_role};
