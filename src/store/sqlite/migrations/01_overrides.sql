-- 1: on-call overrides. Removal marks a row; nothing is deleted.
CREATE TABLE overrides (
    id          INTEGER PRIMARY KEY,
    role        TEXT    NOT NULL,
    person      TEXT    NOT NULL,
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL CHECK (ends_at > starts_at),
    reason      TEXT,
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    removed_by  TEXT,
    removed_at  INTEGER
);
CREATE INDEX overrides_by_end ON overrides (ends_at) WHERE removed_at IS NULL;
