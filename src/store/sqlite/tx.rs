//! The primitives of a write transaction ([`Tx`]). Every write transaction is IMMEDIATE: it
//! holds the file's one write lock from its first statement, so what it reads stays as read
//! until it commits, and [`Tx::lock`] has nothing to add.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Transaction, TransactionBehavior};

use super::checklist::{kept_list, ticks_between};
use super::incidents::{events, unclosed_with_key};
use super::overrides::overlapping;
use super::{first, Sqlite};
use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::rules::incident::{Action, Event, Incident, Kind};
use crate::rules::metrics::State;
use crate::rules::rotation::Override;
use crate::store::backend::{Lock, Tx, Work};
use crate::store::rows::{self, ACTION_COLUMNS, INCIDENT_COLUMNS, OVERRIDE_COLUMNS};
use crate::store::{NewAction, NewIncident, NewMessage, NewOverride, NewSample};

impl Sqlite {
    pub fn write_with(&mut self, work: &mut Work<'_>) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        work(&mut Writing { tx: &tx })?;
        tx.commit()?;
        Ok(())
    }
}

struct Writing<'a> {
    tx: &'a Transaction<'a>,
}

impl Tx for Writing<'_> {
    fn lock(&mut self, _: Lock<'_>) -> Result<()> {
        Ok(())
    }

    fn incident(&mut self, id: i64) -> Result<Option<Incident>> {
        first(
            self.tx,
            &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
            [id],
            rows::incident,
        )
    }

    fn has_incident(&mut self, id: i64) -> Result<bool> {
        Ok(self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    fn events(&mut self, incident_id: i64) -> Result<Vec<Event>> {
        events(self.tx, incident_id)
    }

    fn count_events(&mut self, incident_id: i64, kind: Kind) -> Result<i64> {
        Ok(self.tx.query_row(
            "SELECT count(*) FROM incident_events WHERE incident_id = ?1 AND kind = ?2",
            params![incident_id, kind.as_str()],
            |r| r.get(0),
        )?)
    }

    fn unclosed_with_key(&mut self, key: &str) -> Result<Option<i64>> {
        unclosed_with_key(self.tx, key)
    }

    fn insert_incident(&mut self, new: &NewIncident) -> Result<Option<i64>> {
        let added = self.tx.execute(
            "INSERT INTO incidents (title, description, severity, status, phase, opened_at, opened_by,
                                    ack_due, resolve_due, dedup_key)
             VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (dedup_key) WHERE status <> 'closed' AND dedup_key IS NOT NULL
             DO NOTHING",
            params![
                new.title,
                new.description,
                new.severity,
                new.phase,
                new.opened_at.timestamp(),
                new.opened_by,
                new.ack_due.timestamp(),
                new.resolve_due.timestamp(),
                new.dedup_key
            ],
        )?;
        Ok((added == 1).then(|| self.tx.last_insert_rowid()))
    }

    fn update_incident(&mut self, incident: &Incident) -> Result<()> {
        self.tx.execute(
            "UPDATE incidents SET title = ?2, description = ?3, severity = ?4, status = ?5,
                    phase = ?6, acked_at = ?7, closed_at = ?8, ack_due = ?9, resolve_due = ?10,
                    escalation_level = ?11, resolution = ?12
              WHERE id = ?1",
            params![
                incident.id,
                incident.title,
                incident.description,
                incident.severity,
                incident.status.as_str(),
                incident.phase,
                incident.acked_at.map(|t| t.timestamp()),
                incident.closed_at.map(|t| t.timestamp()),
                incident.ack_due.timestamp(),
                incident.resolve_due.timestamp(),
                incident.escalation_level,
                incident.resolution
            ],
        )?;
        Ok(())
    }

    fn insert_events(&mut self, incident_id: i64, events: &[Event]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO incident_events (incident_id, at, actor, kind, old_value, new_value, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for e in events {
            stmt.execute(params![
                incident_id,
                e.at.timestamp(),
                e.actor,
                e.kind.as_str(),
                e.old_value,
                e.new_value,
                e.text
            ])?;
        }
        Ok(())
    }

    fn insert_messages(&mut self, at: DateTime<Utc>, messages: &[NewMessage]) -> Result<usize> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO outbox (key, channel, topic, incident_id, recipient, payload, state,
                                 created_at, next_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', ?7, ?7)
             ON CONFLICT (key) DO NOTHING",
        )?;
        let mut added = 0;
        for m in messages {
            added += stmt.execute(params![
                m.key,
                m.channel,
                m.topic,
                m.incident_id,
                m.recipient,
                m.payload,
                at.timestamp()
            ])?;
        }
        Ok(added)
    }

    fn action(&mut self, id: i64) -> Result<Option<Action>> {
        first(
            self.tx,
            &format!("SELECT {ACTION_COLUMNS} FROM incident_actions WHERE id = ?1"),
            [id],
            rows::action,
        )
    }

    fn insert_action(&mut self, incident_id: i64, new: &NewAction) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO incident_actions (incident_id, text, owner, due, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                incident_id,
                new.text,
                new.owner,
                new.due.to_string(),
                new.at.timestamp(),
                new.by
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn mark_action_done(&mut self, id: i64, by: &str, at: DateTime<Utc>) -> Result<()> {
        self.tx.execute(
            "UPDATE incident_actions SET done_at = ?2, done_by = ?3 WHERE id = ?1",
            params![id, at.timestamp(), by],
        )?;
        Ok(())
    }

    fn overlapping_overrides(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>> {
        overlapping(self.tx, from, to)
    }

    fn insert_override(&mut self, new: &NewOverride) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO overrides (role, person, starts_at, ends_at, reason, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new.role,
                new.person,
                new.from.timestamp(),
                new.to.timestamp(),
                new.reason,
                new.by,
                new.at.timestamp()
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn remove_override(
        &mut self,
        id: i64,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<Override>> {
        let Some(removed) = first(
            self.tx,
            &format!(
                "SELECT {OVERRIDE_COLUMNS} FROM overrides WHERE id = ?1 AND removed_at IS NULL"
            ),
            [id],
            rows::override_,
        )?
        else {
            return Ok(None);
        };
        self.tx.execute(
            "UPDATE overrides SET removed_by = ?2, removed_at = ?3 WHERE id = ?1",
            params![id, by, at.timestamp()],
        )?;
        Ok(Some(removed))
    }

    fn kept_list(&mut self, day: NaiveDate) -> Result<Option<Checklist>> {
        kept_list(self.tx, day)
    }

    fn keep_list(&mut self, day: NaiveDate, list: &Checklist, at: DateTime<Utc>) -> Result<()> {
        self.tx.execute(
            "INSERT OR IGNORE INTO checklist_days (day, items, created_at) VALUES (?1, ?2, ?3)",
            params![
                day.to_string(),
                serde_json::to_string(list)?,
                at.timestamp()
            ],
        )?;
        Ok(())
    }

    fn day_ticks(&mut self, day: NaiveDate) -> Result<Vec<Tick>> {
        Ok(ticks_between(self.tx, day, day)?
            .into_iter()
            .map(|(_, t)| t)
            .collect())
    }

    fn insert_ticks(&mut self, day: NaiveDate, ticks: &[Tick]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO checklist_ticks (day, item, done, actor, at, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for t in ticks {
            stmt.execute(params![
                day.to_string(),
                t.item,
                t.done,
                t.by,
                t.at.timestamp(),
                t.note
            ])?;
        }
        Ok(())
    }

    fn insert_handover(&mut self, at: DateTime<Utc>, author: &str, text: &str) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO handover_notes (at, author, text) VALUES (?1, ?2, ?3)",
            params![at.timestamp(), author, text],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO review_notes (period, topic, text, author, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![period, topic, text, author, at.timestamp()],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_slotted_check(
        &mut self,
        at: DateTime<Utc>,
        state: State,
        metrics: usize,
        slot: i64,
    ) -> Result<Option<i64>> {
        let added = self.tx.execute(
            "INSERT INTO metric_checks (at, state, metrics, slot) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![at.timestamp(), state.as_str(), metrics, slot],
        )?;
        Ok((added == 1).then(|| self.tx.last_insert_rowid()))
    }

    fn insert_samples(
        &mut self,
        check_id: i64,
        at: DateTime<Utc>,
        samples: &[NewSample],
    ) -> Result<()> {
        super::metrics::insert_samples(self.tx, check_id, at, samples)
    }
}
