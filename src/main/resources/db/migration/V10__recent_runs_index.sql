-- Admin → System status and the Prometheus gauges read the last hour of finished runs every few
-- seconds; without this they scanned every execution ever run.
CREATE INDEX executions_finished_idx ON executions (finished_at) WHERE finished_at IS NOT NULL;
