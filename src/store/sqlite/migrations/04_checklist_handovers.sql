-- 4: the daily checklist and handover notes. A day's list is kept as it stood when first used, so
-- later edits of rotation.yaml do not rewrite the past.
CREATE TABLE checklist_days (
    day         TEXT    PRIMARY KEY,
    items       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE TABLE checklist_ticks (
    id     INTEGER PRIMARY KEY,
    day    TEXT    NOT NULL REFERENCES checklist_days (day),
    item   TEXT    NOT NULL,
    done   INTEGER NOT NULL,
    actor  TEXT    NOT NULL,
    at     INTEGER NOT NULL,
    note   TEXT
);
CREATE INDEX checklist_ticks_by_day ON checklist_ticks (day, id);
CREATE TABLE handover_notes (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    author  TEXT    NOT NULL,
    text    TEXT    NOT NULL
);
CREATE INDEX handover_notes_by_time ON handover_notes (at);
CREATE INDEX metric_samples_by_time ON metric_samples (at);
