//! Incidents, their events and their follow-up actions.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::{all, first, Sqlite};
use crate::rules::incident::{Action, Event, Incident, Paged};
use crate::store::rows::{
    self, ACTION_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS, INCIDENT_COLUMN_COUNT,
};
use crate::store::{IncidentFilter, STATE_KINDS};

impl Sqlite {
    pub fn incident(&self, id: i64) -> Result<Option<(Incident, Vec<Event>)>> {
        let found = first(
            &self.conn,
            &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = ?1"),
            [id],
            rows::incident,
        )?;
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
        let incidents = all(
            &self.conn,
            &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {chosen} ORDER BY id"),
            range,
            rows::incident,
        )?;
        let events = all(
            &self.conn,
            &format!(
                "SELECT {EVENT_COLUMNS}, incident_id FROM incident_events
                  WHERE incident_id IN (SELECT id FROM incidents WHERE {chosen})
                    AND kind IN ({STATE_KINDS})
                  ORDER BY incident_id, id"
            ),
            range,
            rows::event_of_incident,
        )?;
        Ok(crate::store::with_histories(incidents, events))
    }

    pub fn each_incident(
        &self,
        filter: &IncidentFilter,
        with_pages: bool,
        each: &mut dyn FnMut(Incident, Vec<Paged>) -> Result<()>,
    ) -> Result<()> {
        let columns: Vec<String> = INCIDENT_COLUMNS
            .split(", ")
            .map(|c| format!("i.{c}"))
            .collect();
        let columns = columns.join(", ");
        // Who was paged comes as rows of a join with the partial index of page events: one
        // seek per incident as the rows stream, never a list of them all, and nothing made
        // into JSON to be read back (a correlated json_group_array cost a third of a listing).
        let mut sql = if with_pages {
            format!(
                "SELECT {columns}, e.id, e.new_value, e.text
                   FROM incidents i
                   LEFT JOIN incident_events e INDEXED BY incident_events_paged
                          ON e.incident_id = i.id AND e.kind = 'paged'
                  WHERE 1 = 1"
            )
        } else {
            format!("SELECT {columns} FROM incidents i WHERE 1 = 1")
        };
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if !filter.include_closed {
            sql.push_str(" AND i.status <> 'closed'");
        }
        if let Some(sev) = &filter.severity {
            args.push(sev.clone().into());
            sql.push_str(&format!(" AND i.severity = ?{}", args.len()));
        }
        if let Some(since) = filter.since {
            args.push(since.timestamp().into());
            sql.push_str(&format!(" AND i.opened_at >= ?{}", args.len()));
        }
        sql.push_str(" ORDER BY i.opened_at DESC, i.id DESC");
        if with_pages {
            // The join has a row per page, so the limit counts incidents below instead.
            sql.push_str(", e.id");
        } else if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        let mut current: Option<(Incident, Vec<Paged>)> = None;
        let mut started = 0u32;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let same = current.as_ref().is_some_and(|(i, _)| i.id == id);
            if !same {
                if let Some((incident, paged)) = current.take() {
                    each(incident, paged)?;
                }
                if filter.limit.is_some_and(|limit| started >= limit) {
                    break;
                }
                started += 1;
                current = Some((rows::incident(row)?, Vec::new()));
            }
            let page: Option<i64> = if with_pages {
                row.get(INCIDENT_COLUMN_COUNT)?
            } else {
                None
            };
            if let (Some(_), Some((_, paged))) = (page, current.as_mut()) {
                paged.push(Paged {
                    person: row
                        .get::<_, Option<String>>(INCIDENT_COLUMN_COUNT + 1)?
                        .unwrap_or_default(),
                    role: row
                        .get::<_, Option<String>>(INCIDENT_COLUMN_COUNT + 2)?
                        .unwrap_or_default(),
                });
            }
        }
        if let Some((incident, paged)) = current {
            each(incident, paged)?;
        }
        Ok(())
    }

    pub fn unclosed_incident_with_key(&self, key: &str) -> Result<Option<i64>> {
        unclosed_with_key(&self.conn, key)
    }

    pub fn actions(&self, incident_id: i64) -> Result<Vec<Action>> {
        all(
            &self.conn,
            &format!(
                "SELECT {ACTION_COLUMNS} FROM incident_actions WHERE incident_id = ?1 ORDER BY id"
            ),
            [incident_id],
            rows::action,
        )
    }
}

pub(super) fn unclosed_with_key(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM incidents WHERE dedup_key = ?1 AND status <> 'closed'",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub(super) fn events(conn: &Connection, incident_id: i64) -> Result<Vec<Event>> {
    all(
        conn,
        &format!("SELECT {EVENT_COLUMNS} FROM incident_events WHERE incident_id = ?1 ORDER BY id"),
        [incident_id],
        rows::event,
    )
}
