-- 10: who holds a message being sent. Only that sender may write its outcome, so a sender whose
-- claim lapsed and was taken over cannot overwrite what the next one did.
ALTER TABLE outbox ADD COLUMN claim TEXT;
