//! Incidents, their events and their follow-up actions.

use anyhow::Result;
use chrono::{DateTime, Utc};
use postgres::GenericClient;

use super::{Param, Postgres, Session};
use crate::rules::incident::{Action, Event, Incident, Paged};
use crate::store::rows::{self, ACTION_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS};
use crate::store::{IncidentFilter, STATE_KINDS};

impl Postgres {
    pub fn incident(&self, id: i64) -> Result<Option<(Incident, Vec<Event>)>> {
        self.read(|s| {
            let Some(incident) = s.read_opt(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = $1"),
                &[&id],
                rows::incident,
            )?
            else {
                return Ok(None);
            };
            Ok(Some((incident, events(s, id)?)))
        })
    }

    pub fn histories(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(Incident, Vec<Event>)>> {
        let chosen = "opened_at < $2 AND (opened_at >= $1 OR closed_at IS NULL OR closed_at >= $1)";
        let range: [&dyn Param; 2] = [&from.timestamp(), &to.timestamp()];
        self.read(|s| {
            let incidents = s.read_all(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {chosen} ORDER BY id"),
                &range,
                rows::incident,
            )?;
            let events = s.read_all(
                &format!(
                    "SELECT {EVENT_COLUMNS}, incident_id FROM incident_events
                      WHERE incident_id IN (SELECT id FROM incidents WHERE {chosen})
                        AND kind IN ({STATE_KINDS})
                      ORDER BY incident_id, id"
                ),
                &range,
                rows::event_of_incident,
            )?;
            Ok(crate::store::with_histories(incidents, events))
        })
    }

    pub fn each_incident(
        &self,
        filter: &IncidentFilter,
        with_pages: bool,
        each: &mut dyn FnMut(Incident, Vec<Paged>) -> Result<()>,
    ) -> Result<()> {
        let pages = if with_pages {
            ", (SELECT coalesce(json_agg(json_build_array(new_value, text) ORDER BY id), '[]')::text
                  FROM incident_events
                 WHERE incident_id = incidents.id AND kind = 'paged')"
        } else {
            ""
        };
        let mut sql = format!("SELECT {INCIDENT_COLUMNS}{pages} FROM incidents WHERE true");
        let severity = filter.severity.clone();
        let since = filter.since.map(|t| t.timestamp());
        let mut args: Vec<&dyn Param> = Vec::new();
        if !filter.include_closed {
            sql.push_str(" AND status <> 'closed'");
        }
        if let Some(sev) = &severity {
            args.push(sev);
            sql.push_str(&format!(" AND severity = ${}", args.len()));
        }
        if let Some(since) = &since {
            args.push(since);
            sql.push_str(&format!(" AND opened_at >= ${}", args.len()));
        }
        sql.push_str(" ORDER BY opened_at DESC, id DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut inner = self.inner.borrow_mut();
        // Rows stream from the server as they are read: a listing of every incident never holds
        // them all.
        let mut rows = inner.client.query_typed_raw(&sql, super::typed(&args))?;
        while let Some(row) = postgres::fallible_iterator::FallibleIterator::next(&mut rows)? {
            let incident = rows::incident(&row)?;
            let paged = if with_pages {
                rows::pages(&row, incident.id)?
            } else {
                Vec::new()
            };
            each(incident, paged)?;
        }
        Ok(())
    }

    pub fn unclosed_incident_with_key(&self, key: &str) -> Result<Option<i64>> {
        self.read(|s| unclosed_with_key(s, key))
    }

    pub fn actions(&self, incident_id: i64) -> Result<Vec<Action>> {
        self.read(|s| {
            s.read_all(
                &format!(
                    "SELECT {ACTION_COLUMNS} FROM incident_actions WHERE incident_id = $1 ORDER BY id"
                ),
                &[&incident_id],
                rows::action,
            )
        })
    }
}

pub(super) fn unclosed_with_key<C: GenericClient>(
    s: &mut Session<'_, C>,
    key: &str,
) -> Result<Option<i64>> {
    Ok(s.opt(
        "SELECT id FROM incidents WHERE dedup_key = $1 AND status <> 'closed'",
        &[&key],
    )?
    .map(|r| r.get(0)))
}

pub(super) fn events<C: GenericClient>(
    s: &mut Session<'_, C>,
    incident_id: i64,
) -> Result<Vec<Event>> {
    s.read_all(
        &format!("SELECT {EVENT_COLUMNS} FROM incident_events WHERE incident_id = $1 ORDER BY id"),
        &[&incident_id],
        rows::event,
    )
}
