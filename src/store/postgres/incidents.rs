//! Incidents, their events and their follow-up actions.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use postgres::{GenericClient, Row};

use super::{bad_row, instant, instant_opt, Param, Postgres, Session};
use crate::rules::incident::{Action, Event, Incident, Kind, Paged, Status};
use crate::store::IncidentFilter;

pub(super) const INCIDENT_COLUMNS: &str =
    "id, title, description, severity, status, phase, opened_at, \
     opened_by, acked_at, closed_at, ack_due, resolve_due, escalation_level, dedup_key, resolution";
const INCIDENT_COLUMN_COUNT: usize = 15;
use crate::store::STATE_KINDS;

impl Postgres {
    pub fn incident(&self, id: i64) -> Result<Option<(Incident, Vec<Event>)>> {
        self.read(|s| {
            let Some(row) = s.opt(
                &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE id = $1"),
                &[&id],
            )?
            else {
                return Ok(None);
            };
            let incident = incident_row(&row)?;
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
            let incidents = s
                .all(
                    &format!("SELECT {INCIDENT_COLUMNS} FROM incidents WHERE {chosen} ORDER BY id"),
                    &range,
                )?
                .iter()
                .map(incident_row)
                .collect::<Result<Vec<_>>>()?;
            let events = s
                .all(
                    &format!(
                        "SELECT at, actor, kind, old_value, new_value, text, id, incident_id
                           FROM incident_events
                          WHERE incident_id IN (SELECT id FROM incidents WHERE {chosen})
                            AND kind IN ({STATE_KINDS})
                          ORDER BY incident_id, id"
                    ),
                    &range,
                )?
                .iter()
                .map(|r| Ok((r.try_get::<_, i64>(7)?, event_row(r)?)))
                .collect::<Result<Vec<_>>>()?;
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
            let incident = incident_row(&row)?;
            let paged = if with_pages {
                let text: String = row.try_get(INCIDENT_COLUMN_COUNT)?;
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
        self.read(|s| unclosed_with_key(s, key))
    }

    pub fn actions(&self, incident_id: i64) -> Result<Vec<Action>> {
        self.read(|s| {
            s.all(
                "SELECT * FROM incident_actions WHERE incident_id = $1 ORDER BY id",
                &[&incident_id],
            )?
            .iter()
            .map(action_row)
            .collect()
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
    s.all(
        "SELECT at, actor, kind, old_value, new_value, text, id FROM incident_events
          WHERE incident_id = $1 ORDER BY id",
        &[&incident_id],
    )?
    .iter()
    .map(event_row)
    .collect()
}

/// `at, actor, kind, old_value, new_value, text, id` of an event row.
fn event_row(r: &Row) -> Result<Event> {
    let kind: String = r.try_get(2)?;
    Ok(Event {
        at: instant(r.try_get(0)?)?,
        actor: r.try_get(1)?,
        kind: Kind::parse(&kind).ok_or_else(|| {
            bad_row(
                "incident_events",
                r.get(6),
                format!("unknown event kind \"{kind}\""),
            )
        })?,
        old_value: r.try_get(3)?,
        new_value: r.try_get(4)?,
        text: r.try_get(5)?,
    })
}

pub(super) fn incident_row(r: &Row) -> Result<Incident> {
    let status: String = r.try_get(4)?;
    let id: i64 = r.try_get(0)?;
    let level: i64 = r.try_get(12)?;
    Ok(Incident {
        id,
        title: r.try_get(1)?,
        description: r.try_get(2)?,
        severity: r.try_get(3)?,
        status: Status::parse(&status)
            .ok_or_else(|| bad_row("incidents", id, format!("unknown status \"{status}\"")))?,
        phase: r.try_get(5)?,
        opened_at: instant(r.try_get(6)?)?,
        opened_by: r.try_get(7)?,
        acked_at: instant_opt(r.try_get(8)?)?,
        closed_at: instant_opt(r.try_get(9)?)?,
        ack_due: instant(r.try_get(10)?)?,
        resolve_due: instant(r.try_get(11)?)?,
        escalation_level: u32::try_from(level)
            .map_err(|_| bad_row("incidents", id, format!("escalation level {level}")))?,
        dedup_key: r.try_get(13)?,
        resolution: r.try_get(14)?,
    })
}

pub(super) fn action_row(r: &Row) -> Result<Action> {
    let due: String = r.try_get("due")?;
    let id: i64 = r.try_get("id")?;
    Ok(Action {
        id,
        incident_id: r.try_get("incident_id")?,
        text: r.try_get("text")?,
        owner: r.try_get("owner")?,
        due: NaiveDate::parse_from_str(&due, "%Y-%m-%d").map_err(|_| {
            bad_row(
                "incident_actions",
                id,
                format!("due \"{due}\" is not a date"),
            )
        })?,
        created_at: instant(r.try_get("created_at")?)?,
        created_by: r.try_get("created_by")?,
        done_at: instant_opt(r.try_get("done_at")?)?,
        done_by: r.try_get("done_by")?,
    })
}
