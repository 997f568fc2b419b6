-- 9: the outbox. A message is due while queued or while its sender's claim has lapsed; both are
-- `next_at <= now`, so one partial index finds every due message.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    key          TEXT    NOT NULL UNIQUE,
    channel      TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    incident_id  INTEGER REFERENCES incidents (id),
    recipient    TEXT,
    payload      TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    next_at      INTEGER NOT NULL,
    sent_at      INTEGER,
    last_error   TEXT
);
CREATE INDEX outbox_due ON outbox (next_at) WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_by_incident ON outbox (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX outbox_failed ON outbox (id) WHERE state = 'failed';
