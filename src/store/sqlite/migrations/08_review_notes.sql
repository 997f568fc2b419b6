-- 8: what a review meeting decided, per period and agenda topic.
CREATE TABLE review_notes (
    id      INTEGER PRIMARY KEY,
    period  TEXT    NOT NULL,
    topic   TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    author  TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX review_notes_by_period ON review_notes (period, id);
