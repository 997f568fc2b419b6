-- 4: heartbeats, as SQLite's step 11.
CREATE TABLE beats (
    name   text COLLATE "C" PRIMARY KEY,
    at     bigint NOT NULL,
    count  bigint NOT NULL
);
