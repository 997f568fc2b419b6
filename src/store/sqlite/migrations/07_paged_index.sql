-- 7: who was paged, read from the index alone when incidents are listed by the thousand.
CREATE INDEX incident_events_paged ON incident_events (incident_id, id, new_value, text)
    WHERE kind = 'paged';
