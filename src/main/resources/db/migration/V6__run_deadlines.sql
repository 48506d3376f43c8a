-- Every run has a deadline: the agent's timeout, at most its plan's maximum. Counted from submission,
-- so a run that waits too long in the queue times out as well.
ALTER TABLE plans ADD COLUMN max_run_seconds integer NOT NULL DEFAULT 120 CHECK (max_run_seconds > 0);
UPDATE plans SET max_run_seconds = CASE tier WHEN 'FREE' THEN 60 WHEN 'STARTER' THEN 120 WHEN 'GROWTH' THEN 300 ELSE 900 END;

ALTER TABLE agents ADD COLUMN timeout_seconds integer NOT NULL DEFAULT 60 CHECK (timeout_seconds BETWEEN 5 AND 3600);
ALTER TABLE executions ADD COLUMN deadline_at timestamptz;
