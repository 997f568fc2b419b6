-- 11: heartbeats, the last report of each job (`mindops heartbeat`, `serve`'s own work).
CREATE TABLE beats (
    name   TEXT    PRIMARY KEY,
    at     INTEGER NOT NULL,
    count  INTEGER NOT NULL
);
