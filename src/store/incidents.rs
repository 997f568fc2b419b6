//! Incidents, their events and their follow-up actions.

use std::collections::HashMap;

use anyhow::{bail, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{
    params, params_from_iter, OptionalExtension, Row, Transaction, TransactionBehavior,
};

use super::{instant, Store};
use crate::incident::{Action, Event, Incident, Kind, Paged, Status};

pub struct NewIncident<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub severity: &'a str,
    pub phase: &'a str,
    pub opened_at: DateTime<Utc>,
    pub opened_by: &'a str,
    pub ack_due: DateTime<Utc>,
    pub resolve_due: DateTime<Utc>,
    pub dedup_key: Option<&'a str>,
}

pub enum Opened {
    New(i64),
    /// An open incident already held the dedup key; it was triggered `count` times in all.
    Again {
        id: i64,
        count: u32,
    },
}

#[derive(Debug, Default)]
pub struct IncidentFilter {
    pub include_closed: bool,
    pub severity: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub limit: Option<u32>,
}

pub struct NewAction<'a> {
    pub text: &'a str,
    pub owner: &'a str,
    pub due: NaiveDate,
    pub by: &'a str,
    pub at: DateTime<Utc>,
}

const INCIDENT_COLUMNS: &str = "id, title, description, severity, status, phase, opened_at, \
     opened_by, acked_at, closed_at, ack_due, resolve_due, escalation_level, dedup_key, resolution";

impl Store {
    /// Opens an incident with its first events, or, when an unclosed incident holds the same
    /// dedup key, records that it was triggered again. One write transaction: processes opening
    /// the same key at once end with one incident.
    pub fn open_incident(&mut self, new: &NewIncident, first: &[Event]) -> Result<Opened> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(key) = new.dedup_key {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM incidents WHERE dedup_key = ?1 AND status <> 'closed'",
                    [key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                let before: u32 = tx.query_row(
                    "SELECT count(*) FROM incident_events WHERE incident_id = ?1 AND kind = ?2",
                    params![id, Kind::TriggeredAgain.as_str()],
                    |r| r.get(0),
                )?;
                let count = before + 2;
                let again = Event::new(new.opened_at, new.opened_by, Kind::TriggeredAgain)
                    .value(count)
                    .text(Some(new.title.to_string()));
                insert_events(&tx, id, std::slice::from_ref(&again))?;
                tx.commit()?;
                return Ok(Opened::Again { id, count });
            }
        }
        tx.execute(
            "INSERT INTO incidents (title, description, severity, status, phase, opened_at, opened_by,
                                    ack_due, resolve_due, dedup_key)
             VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?7, ?8, ?9)",
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
        let id = tx.last_insert_rowid();
        insert_events(&tx, id, first)?;
        tx.commit()?;
        Ok(Opened::New(id))
    }

    pub fn incident(&self, id: i64) -> Result<Option<(Incident, Vec<Event>)>> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
                [id],
                incident_row,
            )
            .optional()?;
        match found {
            Some(incident) => {
                let events = events(&self.conn, id)?;
                Ok(Some((incident, events)))
            }
            None => Ok(None),
        }
    }

    /// Changes an incident inside one write transaction: `change` sees the current record and
    /// its history, edits the record and returns the events that say what it did. No events,
    /// no write.
    pub fn modify_incident<T>(
        &mut self,
        id: i64,
        change: impl FnOnce(&mut Incident, &[Event]) -> Result<(Vec<Event>, T)>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(mut incident) = tx
            .query_row(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
                [id],
                incident_row,
            )
            .optional()?
        else {
            bail!("no incident {id}; `mindops incident list --all` shows them all");
        };
        let history = events(&tx, id)?;
        let (new_events, result) = change(&mut incident, &history)?;
        if new_events.is_empty() {
            return Ok(result);
        }
        tx.execute(
            "UPDATE incidents SET title = ?2, description = ?3, severity = ?4, status = ?5,
                    phase = ?6, acked_at = ?7, closed_at = ?8, ack_due = ?9, resolve_due = ?10,
                    escalation_level = ?11, resolution = ?12
              WHERE id = ?1",
            params![
                id,
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
        insert_events(&tx, id, &new_events)?;
        tx.commit()?;
        Ok(result)
    }

    /// Newest first.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>> {
        let mut sql = format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if !filter.include_closed {
            sql.push_str(" AND status <> 'closed'");
        }
        if let Some(sev) = &filter.severity {
            args.push(sev.clone().into());
            sql.push_str(&format!(" AND severity = ?{}", args.len()));
        }
        if let Some(since) = filter.since {
            args.push(since.timestamp().into());
            sql.push_str(&format!(" AND opened_at >= ?{}", args.len()));
        }
        sql.push_str(" ORDER BY opened_at DESC, id DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), incident_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Who was paged on each of these incidents, in order.
    pub fn paged(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<Paged>>> {
        let mut out: HashMap<i64, Vec<Paged>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT new_value, text FROM incident_events
              WHERE incident_id = ?1 AND kind = 'paged' ORDER BY id",
        )?;
        for id in ids {
            let rows = stmt.query_map([id], |r| {
                Ok(Paged {
                    person: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    role: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                })
            })?;
            out.insert(*id, rows.collect::<rusqlite::Result<_>>()?);
        }
        Ok(out)
    }

    /// The unclosed incident holding a dedup key.
    pub fn unclosed_incident_with_key(&self, key: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM incidents WHERE dedup_key = ?1 AND status <> 'closed'",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn add_action(&mut self, incident_id: i64, new: &NewAction) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ?1)",
            [incident_id],
            |r| r.get(0),
        )?;
        if !exists {
            bail!("no incident {incident_id}; `mindops incident list --all` shows them all");
        }
        tx.execute(
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
        let id = tx.last_insert_rowid();
        let event = Event::new(new.at, new.by, Kind::ActionAdded)
            .value(id)
            .text(Some(format!(
                "{} (owner {}, due {})",
                new.text, new.owner, new.due
            )));
        insert_events(&tx, incident_id, &[event])?;
        tx.commit()?;
        Ok(id)
    }

    /// Marks an action done; the action as it was before, or an error when there is none.
    pub fn complete_action(
        &mut self,
        action_id: i64,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<Action> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(action) = tx
            .query_row(
                "SELECT * FROM incident_actions WHERE id = ?1",
                [action_id],
                action_row,
            )
            .optional()?
        else {
            bail!("no action {action_id}; `mindops incident show ID` lists an incident's actions");
        };
        if action.done_at.is_none() {
            tx.execute(
                "UPDATE incident_actions SET done_at = ?2, done_by = ?3 WHERE id = ?1",
                params![action_id, at.timestamp(), by],
            )?;
            let event = Event::new(at, by, Kind::ActionDone)
                .value(action_id)
                .text(Some(action.text.clone()));
            insert_events(&tx, action.incident_id, &[event])?;
            tx.commit()?;
        }
        Ok(action)
    }

    pub fn actions(&self, incident_id: i64) -> Result<Vec<Action>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM incident_actions WHERE incident_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([incident_id], action_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn insert_events(tx: &Transaction, incident_id: i64, events: &[Event]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
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

fn events(conn: &rusqlite::Connection, incident_id: i64) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, kind, old_value, new_value, text FROM incident_events
          WHERE incident_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([incident_id], |r| {
        let kind: String = r.get(2)?;
        Ok(Event {
            at: instant(r.get(0)?),
            actor: r.get(1)?,
            kind: Kind::parse(&kind).unwrap_or(Kind::Note),
            old_value: r.get(3)?,
            new_value: r.get(4)?,
            text: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn incident_row(r: &Row) -> rusqlite::Result<Incident> {
    let status: String = r.get(4)?;
    Ok(Incident {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        severity: r.get(3)?,
        status: Status::parse(&status).unwrap_or(Status::Open),
        phase: r.get(5)?,
        opened_at: instant(r.get(6)?),
        opened_by: r.get(7)?,
        acked_at: r.get::<_, Option<i64>>(8)?.map(instant),
        closed_at: r.get::<_, Option<i64>>(9)?.map(instant),
        ack_due: instant(r.get(10)?),
        resolve_due: instant(r.get(11)?),
        escalation_level: r.get(12)?,
        dedup_key: r.get(13)?,
        resolution: r.get(14)?,
    })
}

fn action_row(r: &Row) -> rusqlite::Result<Action> {
    let due: String = r.get("due")?;
    Ok(Action {
        id: r.get("id")?,
        incident_id: r.get("incident_id")?,
        text: r.get("text")?,
        owner: r.get("owner")?,
        due: NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap_or_default(),
        created_at: instant(r.get("created_at")?),
        created_by: r.get("created_by")?,
        done_at: r.get::<_, Option<i64>>("done_at")?.map(instant),
        done_by: r.get("done_by")?,
    })
}
