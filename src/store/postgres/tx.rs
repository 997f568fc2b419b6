//! The primitives of a write transaction ([`Tx`]). Rows read to be changed are read `FOR
//! UPDATE`, so a second writer waits for this one's commit and then decides on what it wrote;
//! decisions about rows that may not exist yet take an advisory lock ([`Tx::lock`]).

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::GenericClient;

use super::checklist::{kept_list, ticks_between};
use super::incidents::{events, unclosed_with_key};
use super::overrides::overlapping;
use super::{Postgres, Session, LOCK_CHECKLIST_DAY, LOCK_DEDUP, LOCK_OVERRIDES};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::rules::incident::{Action, Event, Incident, Kind};
use crate::rules::metrics::State;
use crate::rules::rotation::Override;
use crate::store::backend::{Lock, Tx, Work};
use crate::store::rows::{self, ACTION_COLUMNS, INCIDENT_COLUMNS, OVERRIDE_COLUMNS};
use crate::store::{NewAction, NewIncident, NewMessage, NewOverride, NewSample};

impl Postgres {
    pub fn write_with(&mut self, work: &mut Work<'_>) -> Result<()> {
        self.write(|s| work(&mut Writing { s }))
    }
}

struct Writing<'s, 'c, C: GenericClient> {
    s: &'s mut Session<'c, C>,
}

impl<C: GenericClient> Tx for Writing<'_, '_, C> {
    fn lock(&mut self, lock: Lock<'_>) -> Result<()> {
        match lock {
            Lock::DedupKey(key) => self.s.lock_text(LOCK_DEDUP, key),
            Lock::Overrides => self.s.lock(LOCK_OVERRIDES, 0),
            Lock::ChecklistDay(day) => self.s.lock_text(LOCK_CHECKLIST_DAY, &day.to_string()),
        }
    }

    fn incident(&mut self, id: i64) -> Result<Option<Incident>> {
        self.s.read_opt(
            &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = $1 FOR UPDATE"),
            &[&id],
            rows::incident,
        )
    }

    fn has_incident(&mut self, id: i64) -> Result<bool> {
        // FOR SHARE: the incident cannot vanish before the transaction ends.
        Ok(self
            .s
            .opt("SELECT 1 FROM incidents WHERE id = $1 FOR SHARE", &[&id])?
            .is_some())
    }

    fn events(&mut self, incident_id: i64) -> Result<Vec<Event>> {
        events(self.s, incident_id)
    }

    fn count_events(&mut self, incident_id: i64, kind: Kind) -> Result<i64> {
        Ok(self
            .s
            .one(
                "SELECT count(*) FROM incident_events WHERE incident_id = $1 AND kind = $2",
                &[&incident_id, &kind.as_str()],
            )?
            .try_get(0)?)
    }

    fn unclosed_with_key(&mut self, key: &str) -> Result<Option<i64>> {
        unclosed_with_key(self.s, key)
    }

    fn insert_incident(&mut self, new: &NewIncident) -> Result<Option<i64>> {
        let row = self.s.opt(
            "INSERT INTO incidents (title, description, severity, status, phase, opened_at,
                                    opened_by, ack_due, resolve_due, dedup_key)
             VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9)
             ON CONFLICT (dedup_key) WHERE status <> 'closed' AND dedup_key IS NOT NULL
             DO NOTHING RETURNING id",
            &[
                &new.title,
                &new.description,
                &new.severity,
                &new.phase,
                &new.opened_at.timestamp(),
                &new.opened_by,
                &new.ack_due.timestamp(),
                &new.resolve_due.timestamp(),
                &new.dedup_key,
            ],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn update_incident(&mut self, incident: &Incident) -> Result<()> {
        self.s.exec(
            "UPDATE incidents SET title = $2, description = $3, severity = $4, status = $5,
                    phase = $6, acked_at = $7, closed_at = $8, ack_due = $9,
                    resolve_due = $10, escalation_level = $11, resolution = $12
              WHERE id = $1",
            &[
                &incident.id,
                &incident.title,
                &incident.description,
                &incident.severity,
                &incident.status.as_str(),
                &incident.phase,
                &incident.acked_at.map(|t| t.timestamp()),
                &incident.closed_at.map(|t| t.timestamp()),
                &incident.ack_due.timestamp(),
                &incident.resolve_due.timestamp(),
                &i64::from(incident.escalation_level),
                &incident.resolution,
            ],
        )?;
        Ok(())
    }

    fn insert_events(&mut self, incident_id: i64, events: &[Event]) -> Result<()> {
        for e in events {
            self.s.exec(
                "INSERT INTO incident_events (incident_id, at, actor, kind, old_value, new_value,
                                              text)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    &incident_id,
                    &e.at.timestamp(),
                    &e.actor,
                    &e.kind.as_str(),
                    &e.old_value,
                    &e.new_value,
                    &e.text,
                ],
            )?;
        }
        Ok(())
    }

    fn insert_messages(&mut self, at: DateTime<Utc>, messages: &[NewMessage]) -> Result<usize> {
        let mut added = 0;
        for m in messages {
            added += self.s.exec(
                "INSERT INTO outbox (key, channel, topic, incident_id, recipient, payload, state,
                                     created_at, next_at)
                 VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $7)
                 ON CONFLICT (key) DO NOTHING",
                &[
                    &m.key,
                    &m.channel,
                    &m.topic,
                    &m.incident_id,
                    &m.recipient,
                    &m.payload,
                    &at.timestamp(),
                ],
            )?;
        }
        Ok(usize::try_from(added).unwrap_or(usize::MAX))
    }

    fn action(&mut self, id: i64) -> Result<Option<Action>> {
        self.s.read_opt(
            &format!("SELECT {ACTION_COLUMNS} FROM incident_actions WHERE id = $1 FOR UPDATE"),
            &[&id],
            rows::action,
        )
    }

    fn insert_action(&mut self, incident_id: i64, new: &NewAction) -> Result<i64> {
        Ok(self
            .s
            .one(
                "INSERT INTO incident_actions (incident_id, text, owner, due, created_at,
                                               created_by)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &[
                    &incident_id,
                    &new.text,
                    &new.owner,
                    &new.due.to_string(),
                    &new.at.timestamp(),
                    &new.by,
                ],
            )?
            .try_get(0)?)
    }

    fn mark_action_done(&mut self, id: i64, by: &str, at: DateTime<Utc>) -> Result<()> {
        self.s.exec(
            "UPDATE incident_actions SET done_at = $2, done_by = $3 WHERE id = $1",
            &[&id, &at.timestamp(), &by],
        )?;
        Ok(())
    }

    fn overlapping_overrides(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>> {
        overlapping(self.s, from, to)
    }

    fn insert_override(&mut self, new: &NewOverride) -> Result<i64> {
        Ok(self
            .s
            .one(
                "INSERT INTO overrides (role, person, starts_at, ends_at, reason, created_by,
                                        created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                &[
                    &new.role,
                    &new.person,
                    &new.from.timestamp(),
                    &new.to.timestamp(),
                    &new.reason,
                    &new.by,
                    &new.at.timestamp(),
                ],
            )?
            .try_get(0)?)
    }

    fn remove_override(
        &mut self,
        id: i64,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<Override>> {
        let Some(mut removed) = self.s.read_opt(
            &format!(
                "UPDATE overrides SET removed_by = $2, removed_at = $3
                  WHERE id = $1 AND removed_at IS NULL RETURNING {OVERRIDE_COLUMNS}"
            ),
            &[&id, &by, &at.timestamp()],
            rows::override_,
        )?
        else {
            return Ok(None);
        };
        // As it stood, in place.
        (removed.removed_at, removed.removed_by) = (None, None);
        Ok(Some(removed))
    }

    fn kept_list(&mut self, day: NaiveDate) -> Result<Option<Checklist>> {
        kept_list(self.s, day)
    }

    fn keep_list(&mut self, day: NaiveDate, list: &Checklist, at: DateTime<Utc>) -> Result<()> {
        self.s.exec(
            "INSERT INTO checklist_days (day, items, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (day) DO NOTHING",
            &[
                &day.to_string(),
                &serde_json::to_string(list)?,
                &at.timestamp(),
            ],
        )?;
        Ok(())
    }

    fn day_ticks(&mut self, day: NaiveDate) -> Result<Vec<Tick>> {
        Ok(ticks_between(self.s, day, day)?
            .into_iter()
            .map(|(_, t)| t)
            .collect())
    }

    fn insert_ticks(&mut self, day: NaiveDate, ticks: &[Tick]) -> Result<()> {
        for t in ticks {
            self.s.exec(
                "INSERT INTO checklist_ticks (day, item, done, actor, at, note)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &day.to_string(),
                    &t.item,
                    &t.done,
                    &t.by,
                    &t.at.timestamp(),
                    &t.note,
                ],
            )?;
        }
        Ok(())
    }

    fn insert_handover(&mut self, at: DateTime<Utc>, author: &str, text: &str) -> Result<i64> {
        Ok(self
            .s
            .one(
                "INSERT INTO handover_notes (at, author, text) VALUES ($1, $2, $3) RETURNING id",
                &[&at.timestamp(), &author, &text],
            )?
            .try_get(0)?)
    }

    fn insert_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        Ok(self
            .s
            .one(
                "INSERT INTO review_notes (period, topic, text, author, at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&period, &topic, &text, &author, &at.timestamp()],
            )?
            .try_get(0)?)
    }

    fn insert_slotted_check(
        &mut self,
        at: DateTime<Utc>,
        state: State,
        metrics: usize,
        slot: i64,
    ) -> Result<Option<i64>> {
        let metrics = i64::try_from(metrics).unwrap_or(i64::MAX);
        let row = self.s.opt(
            "INSERT INTO metric_checks (at, state, metrics, slot) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING RETURNING id",
            &[&at.timestamp(), &state.as_str(), &metrics, &slot],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn insert_samples(
        &mut self,
        check_id: i64,
        at: DateTime<Utc>,
        samples: &[NewSample],
    ) -> Result<()> {
        for sample in samples {
            self.s.exec(
                "INSERT INTO metric_samples (check_id, metric, at, value, state, raw_state)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &check_id,
                    &sample.metric,
                    &at.timestamp(),
                    &sample.value.filter(|v| v.is_finite()),
                    &sample.state.as_str(),
                    &sample.raw.as_str(),
                ],
            )?;
        }
        Ok(())
    }
}
