-- 3: the sender holding a message, as SQLite's step 10.
ALTER TABLE outbox ADD COLUMN claim text COLLATE "C";
