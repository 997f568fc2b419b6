-- 3: metric checks and the values they saw. `raw_state` is the state before `for:` holds a breach
-- back; the streak of raw CRITICAL samples is what `for:` measures.
CREATE TABLE metric_checks (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    state    TEXT    NOT NULL,
    metrics  INTEGER NOT NULL
);
CREATE INDEX metric_checks_by_time ON metric_checks (at);
CREATE TABLE metric_samples (
    id         INTEGER PRIMARY KEY,
    check_id   INTEGER NOT NULL REFERENCES metric_checks (id),
    metric     TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    value      REAL,
    state      TEXT    NOT NULL,
    raw_state  TEXT    NOT NULL
);
CREATE INDEX metric_samples_by_metric ON metric_samples (metric, at);
