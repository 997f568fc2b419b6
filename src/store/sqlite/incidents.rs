//! Incidents, their events and their follow-up actions.

use anyhow::{bail, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{
    params, params_from_iter, OptionalExtension, Row, Transaction, TransactionBehavior,
};

use super::outbox::insert_messages;
use super::{bad_row, instant, Sqlite};
use crate::rules::incident::{Action, Event, Incident, Kind, Paged, Status};
use crate::store::{IncidentFilter, NewAction, NewIncident, Opened, Plan};

const INCIDENT_COLUMNS: &str = "id, title, description, severity, status, phase, opened_at, \
     opened_by, acked_at, closed_at, ack_due, resolve_due, escalation_level, dedup_key, resolution";
const INCIDENT_COLUMN_COUNT: usize = 15;
use crate::store::STATE_KINDS;

impl Sqlite {
    pub fn open_incident(
        &mut self,
        new: &NewIncident,
        first: &[Event],
        plan: Option<&dyn Plan>,
    ) -> Result<Opened> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(key) = new.dedup_key {
            if let Some(id) = unclosed_with_key(&tx, key)? {
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
        if let Some(plan) = plan {
            let incident = tx.query_row(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
                [id],
                incident_row,
            )?;
            insert_messages(&tx, new.opened_at, &plan.plan(&incident, &[], first))?;
        }
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

    pub fn histories(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(Incident, Vec<Event>)>> {
        let chosen = "opened_at < ?2 AND (opened_at >= ?1 OR closed_at IS NULL OR closed_at >= ?1)";
        let range = params![from.timestamp(), to.timestamp()];
        let mut incidents = self.conn.prepare_cached(&format!(
            "SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {chosen} ORDER BY id"
        ))?;
        let incidents = incidents
            .query_map(range, incident_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut events = self.conn.prepare_cached(&format!(
            "SELECT at, actor, kind, old_value, new_value, text, id, incident_id
               FROM incident_events
              WHERE incident_id IN (SELECT id FROM incidents WHERE {chosen})
                AND kind IN ({STATE_KINDS})
              ORDER BY incident_id, id"
        ))?;
        let events = events
            .query_map(range, |r| Ok((r.get::<_, i64>(7)?, event_row(r)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(crate::store::with_histories(incidents, events))
    }

    pub fn modify_incidents<T>(
        &mut self,
        ids: &[i64],
        mut change: impl FnMut(&mut Incident, &[Event]) -> Result<(Vec<Event>, T)>,
        plan: Option<&dyn Plan>,
    ) -> Result<Vec<T>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut results = Vec::with_capacity(ids.len());
        let mut wrote = false;
        for &id in ids {
            let Some(mut incident) = tx
                .query_row(
                    &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
                    [id],
                    incident_row,
                )
                .optional()?
            else {
                bail!(crate::store::NotFound::Incident(id));
            };
            let history = events(&tx, id)?;
            let (new_events, result) = change(&mut incident, &history)?;
            results.push(result);
            if new_events.is_empty() {
                continue;
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
            if let (Some(plan), Some(first)) = (plan, new_events.first()) {
                let messages = plan.plan(&incident, &history, &new_events);
                insert_messages(&tx, first.at, &messages)?;
            }
            wrote = true;
        }
        if wrote {
            tx.commit()?;
        }
        Ok(results)
    }

    pub fn each_incident(
        &self,
        filter: &IncidentFilter,
        with_pages: bool,
        each: &mut dyn FnMut(Incident, Vec<Paged>) -> Result<()>,
    ) -> Result<()> {
        // Who was paged comes with each row, from the partial index of page events: one seek
        // per incident as the rows stream, never a list of them all.
        let pages = if with_pages {
            ", (SELECT json_group_array(json_array(new_value, text)) FROM (
                   SELECT new_value, text FROM incident_events INDEXED BY incident_events_paged
                    WHERE incident_id = incidents.id AND kind = 'paged' ORDER BY id))"
        } else {
            ""
        };
        let mut sql = format!("SELECT {INCIDENT_COLUMNS}{pages} FROM incidents WHERE 1 = 1");
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
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            let incident = incident_row(row)?;
            let paged = if with_pages {
                let text: String = row.get(INCIDENT_COLUMN_COUNT)?;
                let pairs: Vec<(Option<String>, Option<String>)> = serde_json::from_str(&text)
                    .map_err(|e| bad_row("incident_events", incident.id, format!("pages: {e}")))?;
                pairs
                    .into_iter()
                    .map(|(person, role)| Paged {
                        person: person.unwrap_or_default(),
                        role: role.unwrap_or_default(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            each(incident, paged)?;
        }
        Ok(())
    }

    pub fn unclosed_incident_with_key(&self, key: &str) -> Result<Option<i64>> {
        unclosed_with_key(&self.conn, key)
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
            bail!(crate::store::NotFound::Incident(incident_id));
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
            bail!(crate::store::NotFound::Action(action_id));
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

fn unclosed_with_key(conn: &rusqlite::Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM incidents WHERE dedup_key = ?1 AND status <> 'closed'",
            [key],
            |r| r.get(0),
        )
        .optional()?)
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
        "SELECT at, actor, kind, old_value, new_value, text, id FROM incident_events
          WHERE incident_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([incident_id], event_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `at, actor, kind, old_value, new_value, text, id` of an event row.
fn event_row(r: &Row) -> rusqlite::Result<Event> {
    let kind: String = r.get(2)?;
    Ok(Event {
        at: instant(r.get(0)?)?,
        actor: r.get(1)?,
        kind: Kind::parse(&kind).ok_or_else(|| {
            bad_row(
                "incident_events",
                r.get(6).unwrap_or_default(),
                format!("unknown event kind \"{kind}\""),
            )
        })?,
        old_value: r.get(3)?,
        new_value: r.get(4)?,
        text: r.get(5)?,
    })
}

fn incident_row(r: &Row) -> rusqlite::Result<Incident> {
    let status: String = r.get(4)?;
    let id: i64 = r.get(0)?;
    Ok(Incident {
        id,
        title: r.get(1)?,
        description: r.get(2)?,
        severity: r.get(3)?,
        status: Status::parse(&status)
            .ok_or_else(|| bad_row("incidents", id, format!("unknown status \"{status}\"")))?,
        phase: r.get(5)?,
        opened_at: instant(r.get(6)?)?,
        opened_by: r.get(7)?,
        acked_at: r.get::<_, Option<i64>>(8)?.map(instant).transpose()?,
        closed_at: r.get::<_, Option<i64>>(9)?.map(instant).transpose()?,
        ack_due: instant(r.get(10)?)?,
        resolve_due: instant(r.get(11)?)?,
        escalation_level: r.get(12)?,
        dedup_key: r.get(13)?,
        resolution: r.get(14)?,
    })
}

fn action_row(r: &Row) -> rusqlite::Result<Action> {
    let due: String = r.get("due")?;
    let id: i64 = r.get("id")?;
    Ok(Action {
        id,
        incident_id: r.get("incident_id")?,
        text: r.get("text")?,
        owner: r.get("owner")?,
        due: NaiveDate::parse_from_str(&due, "%Y-%m-%d").map_err(|_| {
            bad_row(
                "incident_actions",
                id,
                format!("due \"{due}\" is not a date"),
            )
        })?,
        created_at: instant(r.get("created_at")?)?,
        created_by: r.get("created_by")?,
        done_at: r
            .get::<_, Option<i64>>("done_at")?
            .map(instant)
            .transpose()?,
        done_by: r.get("done_by")?,
    })
}
