-- 12: the interval a check from the metrics' own sources falls in. Two cron hosts (or serve
-- replicas) checking the same metrics record one check an interval between them.
ALTER TABLE metric_checks ADD COLUMN slot INTEGER;
CREATE UNIQUE INDEX metric_checks_one_per_slot ON metric_checks (slot) WHERE slot IS NOT NULL;
