-- 6: reports and checks over a long history read samples from the index alone, and find the
-- incidents unacknowledged during a period by when they stopped being so.
DROP INDEX metric_samples_by_metric;
CREATE INDEX metric_samples_covering ON metric_samples (metric, at, value, state, raw_state);
CREATE INDEX incidents_unacked_until ON incidents (
    min(coalesce(acked_at, 9223372036854775807), coalesce(closed_at, 9223372036854775807)));
