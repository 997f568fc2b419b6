//! Incidents, their events and their follow-up actions.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, params_from_iter, OptionalExtension, Row};

use super::{bad_row, instant, Sqlite};
use crate::rules::incident::{Action, Event, Incident, Kind, Paged, Status};
use crate::store::IncidentFilter;

pub(super) const INCIDENT_COLUMNS: &str =
    "id, title, description, severity, status, phase, opened_at, \
     opened_by, acked_at, closed_at, ack_due, resolve_due, escalation_level, dedup_key, resolution";
const INCIDENT_COLUMN_COUNT: usize = 15;
use crate::store::STATE_KINDS;

impl Sqlite {
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

    pub fn actions(&self, incident_id: i64) -> Result<Vec<Action>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM incident_actions WHERE incident_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([incident_id], action_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn unclosed_with_key(conn: &rusqlite::Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM incidents WHERE dedup_key = ?1 AND status <> 'closed'",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub(super) fn events(conn: &rusqlite::Connection, incident_id: i64) -> Result<Vec<Event>> {
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

pub(super) fn incident_row(r: &Row) -> rusqlite::Result<Incident> {
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

pub(super) fn action_row(r: &Row) -> rusqlite::Result<Action> {
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
