-- 2: incidents. The event table is both the timeline and the audit log: rows are only ever added.
-- The incident row holds the current state for fast listing.
CREATE TABLE incidents (
    id                INTEGER PRIMARY KEY,
    title             TEXT    NOT NULL,
    description       TEXT,
    severity          TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
    phase             TEXT    NOT NULL,
    opened_at         INTEGER NOT NULL,
    opened_by         TEXT    NOT NULL,
    acked_at          INTEGER,
    closed_at         INTEGER,
    ack_due           INTEGER NOT NULL,
    resolve_due       INTEGER NOT NULL,
    escalation_level  INTEGER NOT NULL DEFAULT 0,
    dedup_key         TEXT,
    resolution        TEXT
);
CREATE UNIQUE INDEX incidents_open_dedup ON incidents (dedup_key)
    WHERE status <> 'closed' AND dedup_key IS NOT NULL;
CREATE INDEX incidents_unclosed ON incidents (opened_at) WHERE status <> 'closed';
CREATE INDEX incidents_by_opened ON incidents (opened_at);
CREATE TABLE incident_events (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents (id),
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    old_value    TEXT,
    new_value    TEXT,
    text         TEXT
);
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, id);
CREATE INDEX incident_events_by_kind ON incident_events (kind, at);
CREATE TABLE incident_actions (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents (id),
    text         TEXT    NOT NULL,
    owner        TEXT    NOT NULL,
    due          TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    done_at      INTEGER,
    done_by      TEXT
);
CREATE INDEX incident_actions_by_incident ON incident_actions (incident_id);
