-- 5: one check from the sources an interval, as SQLite's step 12.
ALTER TABLE metric_checks ADD COLUMN slot bigint;
CREATE UNIQUE INDEX metric_checks_one_per_slot ON metric_checks (slot) WHERE slot IS NOT NULL;
