-- Platform-wide run statistics for Admin → System status. Aggregates only, no tenant rows; the caller
-- checks the platform role.
CREATE FUNCTION admin_run_stats(p_since timestamptz)
    RETURNS TABLE (finished bigint, failed bigint, running bigint, queued bigint, oldest_queued timestamptz,
                   provider text, p50_ms double precision, p95_ms double precision, calls bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        WITH recent AS (
            SELECT provider, status, duration_ms FROM executions
             WHERE finished_at >= p_since AND status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')),
        totals AS (
            SELECT count(*) AS finished, count(*) FILTER (WHERE status <> 'SUCCEEDED') AS failed FROM recent),
        live AS (
            SELECT count(*) FILTER (WHERE status = 'RUNNING') AS running,
                   count(*) FILTER (WHERE status = 'QUEUED') AS queued,
                   min(created_at) FILTER (WHERE status = 'QUEUED') AS oldest_queued
              FROM executions WHERE status IN ('RUNNING', 'QUEUED')),
        latency AS (
            SELECT provider, percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95, count(*) AS calls
              FROM recent WHERE provider IS NOT NULL AND duration_ms IS NOT NULL GROUP BY provider)
        SELECT t.finished, t.failed, l.running, l.queued, l.oldest_queued, lat.provider, lat.p50, lat.p95, lat.calls
          FROM totals t CROSS JOIN live l LEFT JOIN latency lat ON true
    $$;
CREATE POLICY definer_read ON executions FOR SELECT TO CURRENT_USER USING (true);
REVOKE ALL ON FUNCTION admin_run_stats(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_run_stats(timestamptz) TO ${app_role};
