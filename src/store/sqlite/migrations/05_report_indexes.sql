-- 5: what reports count by: closing time, and page and acknowledgement events by time.
CREATE INDEX incidents_by_closed ON incidents (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX handover_notes_by_author ON handover_notes (at, author);
