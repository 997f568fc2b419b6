//! Rows read into domain types, once for both backends. Each backend's driver row offers its
//! columns by position through [`Columns`]; the statements select them in the order of the
//! `*_COLUMNS` lists here. A value mindops cannot have written is an error naming the table and
//! row, never a default.

use anyhow::{anyhow, Context, Result};
use chrono::{DateTime, NaiveDate, Utc};

use crate::rules::checklist::{Checklist, Tick};
use crate::rules::incident::{Action, Event, Incident, Kind, Paged, Status};
use crate::rules::metrics::State;
use crate::rules::rotation::Override;
use crate::rules::slo::Counts;
use crate::store::outbox::Message;
use crate::store::{HandoverNote, ReviewNote, Sample};

/// A row's columns, by position, as each driver reads them.
pub trait Columns {
    fn int(&self, i: usize) -> Result<Option<i64>>;
    fn real(&self, i: usize) -> Result<Option<f64>>;
    fn text(&self, i: usize) -> Result<Option<String>>;
    fn flag(&self, i: usize) -> Result<bool>;
}

/// The column `i`, which the schema declares NOT NULL.
fn int(r: &dyn Columns, i: usize) -> Result<i64> {
    r.int(i)?
        .ok_or_else(|| anyhow!("column {i} holds no number"))
}

fn text(r: &dyn Columns, i: usize) -> Result<String> {
    r.text(i)?
        .ok_or_else(|| anyhow!("column {i} holds no text"))
}

/// A stored time. One out of chrono's range means the row was not written by mindops.
pub fn instant(seconds: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp(seconds, 0)
        .with_context(|| format!("{seconds} is not a time mindops can have stored"))
}

pub fn instant_opt(seconds: Option<i64>) -> Result<Option<DateTime<Utc>>> {
    seconds.map(instant).transpose()
}

/// A row mindops cannot read, named so that a person can find it.
pub fn bad_row(table: &str, id: i64, what: impl std::fmt::Display) -> anyhow::Error {
    anyhow!("{table} row {id}: {what}")
}

/// Reads a row of `table` whose id is `id`, naming the row in any error.
fn row_of<T>(table: &str, id: i64, read: impl FnOnce() -> Result<T>) -> Result<T> {
    read().map_err(|e| bad_row(table, id, e))
}

pub const INCIDENT_COLUMNS: &str = "id, title, description, severity, status, phase, opened_at, \
     opened_by, acked_at, closed_at, ack_due, resolve_due, escalation_level, dedup_key, resolution";
/// How many columns [`INCIDENT_COLUMNS`] names: a query may select more after them.
pub const INCIDENT_COLUMN_COUNT: usize = column_count(INCIDENT_COLUMNS);

/// How many columns a comma-separated list names, counted where it is written so that a column
/// added to the list moves what is selected after it.
const fn column_count(list: &str) -> usize {
    let bytes = list.as_bytes();
    let (mut i, mut count) = (0, 1);
    while i < bytes.len() {
        if bytes[i] == b',' {
            count += 1;
        }
        i += 1;
    }
    count
}

pub fn incident(r: &dyn Columns) -> Result<Incident> {
    let id = int(r, 0)?;
    row_of("incidents", id, || {
        let status = text(r, 4)?;
        let level = int(r, 12)?;
        Ok(Incident {
            id,
            title: text(r, 1)?,
            description: r.text(2)?,
            severity: text(r, 3)?,
            status: Status::parse(&status).ok_or_else(|| anyhow!("unknown status \"{status}\""))?,
            phase: text(r, 5)?,
            opened_at: instant(int(r, 6)?)?,
            opened_by: text(r, 7)?,
            acked_at: instant_opt(r.int(8)?)?,
            closed_at: instant_opt(r.int(9)?)?,
            ack_due: instant(int(r, 10)?)?,
            resolve_due: instant(int(r, 11)?)?,
            escalation_level: u32::try_from(level)
                .map_err(|_| anyhow!("escalation level {level}"))?,
            dedup_key: r.text(13)?,
            resolution: r.text(14)?,
        })
    })
}

/// Who was paged on an incident, from the JSON array of `[person, role]` pairs a listing
/// selects in the column after [`INCIDENT_COLUMNS`].
pub fn pages(r: &dyn Columns, incident_id: i64) -> Result<Vec<Paged>> {
    let text = text(r, INCIDENT_COLUMN_COUNT)?;
    let pairs: Vec<(Option<String>, Option<String>)> = serde_json::from_str(&text)
        .map_err(|e| bad_row("incident_events", incident_id, format!("pages: {e}")))?;
    Ok(pairs
        .into_iter()
        .map(|(person, role)| Paged {
            person: person.unwrap_or_default(),
            role: role.unwrap_or_default(),
        })
        .collect())
}

pub const EVENT_COLUMNS: &str = "id, at, actor, kind, old_value, new_value, text";

pub fn event(r: &dyn Columns) -> Result<Event> {
    let id = int(r, 0)?;
    row_of("incident_events", id, || {
        let kind = text(r, 3)?;
        Ok(Event {
            at: instant(int(r, 1)?)?,
            actor: text(r, 2)?,
            kind: Kind::parse(&kind).ok_or_else(|| anyhow!("unknown event kind \"{kind}\""))?,
            old_value: r.text(4)?,
            new_value: r.text(5)?,
            text: r.text(6)?,
        })
    })
}

/// An event with its incident's id selected after [`EVENT_COLUMNS`].
pub fn event_of_incident(r: &dyn Columns) -> Result<(i64, Event)> {
    Ok((int(r, 7)?, event(r)?))
}

pub const ACTION_COLUMNS: &str =
    "id, incident_id, text, owner, due, created_at, created_by, done_at, done_by";

pub fn action(r: &dyn Columns) -> Result<Action> {
    let id = int(r, 0)?;
    row_of("incident_actions", id, || {
        Ok(Action {
            id,
            incident_id: int(r, 1)?,
            text: text(r, 2)?,
            owner: text(r, 3)?,
            due: date(&text(r, 4)?, "due")?,
            created_at: instant(int(r, 5)?)?,
            created_by: text(r, 6)?,
            done_at: instant_opt(r.int(7)?)?,
            done_by: r.text(8)?,
        })
    })
}

/// Days are stored as `YYYY-MM-DD`, which sorts as the dates do.
fn date(text: &str, what: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| anyhow!("{what} \"{text}\" is not a date"))
}

pub const OVERRIDE_COLUMNS: &str = "id, role, person, starts_at, ends_at, reason, created_by, \
     created_at, removed_by, removed_at";

pub fn override_(r: &dyn Columns) -> Result<Override> {
    let id = int(r, 0)?;
    row_of("overrides", id, || {
        Ok(Override {
            id,
            role: text(r, 1)?,
            person: text(r, 2)?,
            from: instant(int(r, 3)?)?,
            to: instant(int(r, 4)?)?,
            reason: r.text(5)?,
            created_by: text(r, 6)?,
            created_at: instant(int(r, 7)?)?,
            removed_by: r.text(8)?,
            removed_at: instant_opt(r.int(9)?)?,
        })
    })
}

pub const HANDOVER_COLUMNS: &str = "id, at, author, text";

pub fn handover(r: &dyn Columns) -> Result<HandoverNote> {
    let id = int(r, 0)?;
    row_of("handover_notes", id, || {
        Ok(HandoverNote {
            id,
            at: instant(int(r, 1)?)?,
            author: text(r, 2)?,
            text: text(r, 3)?,
        })
    })
}

pub const REVIEW_NOTE_COLUMNS: &str = "id, period, topic, text, author, at";

pub fn review_note(r: &dyn Columns) -> Result<ReviewNote> {
    let id = int(r, 0)?;
    row_of("review_notes", id, || {
        Ok(ReviewNote {
            id,
            period: text(r, 1)?,
            topic: text(r, 2)?,
            text: text(r, 3)?,
            author: text(r, 4)?,
            at: instant(int(r, 5)?)?,
        })
    })
}

/// The checklist a day was kept with, from its stored JSON.
pub fn kept_list(day: NaiveDate, json: Option<String>) -> Result<Option<Checklist>> {
    json.map(|text| {
        serde_json::from_str(&text).map_err(|e| {
            anyhow!("the checklist kept for {day} in the database cannot be read: {e}")
        })
    })
    .transpose()
}

pub const TICK_COLUMNS: &str = "id, day, item, done, actor, at, note";

pub fn tick(r: &dyn Columns) -> Result<(NaiveDate, Tick)> {
    let id = int(r, 0)?;
    row_of("checklist_ticks", id, || {
        Ok((
            date(&text(r, 1)?, "day")?,
            Tick {
                item: text(r, 2)?,
                done: r.flag(3)?,
                by: text(r, 4)?,
                at: instant(int(r, 5)?)?,
                note: r.text(6)?,
            },
        ))
    })
}

/// `id, at, value, state` of a sample.
pub const SAMPLE_COLUMNS: &str = "id, at, value, state";

pub fn sample(r: &dyn Columns) -> Result<Sample> {
    let id = int(r, 0)?;
    row_of("metric_samples", id, || {
        Ok(Sample {
            at: instant(int(r, 1)?)?,
            value: r.real(2)?,
            state: state(&text(r, 3)?)?,
        })
    })
}

/// `id, state` of a sample.
pub fn sample_state(r: &dyn Columns) -> Result<State> {
    let id = int(r, 0)?;
    row_of("metric_samples", id, || state(&text(r, 1)?))
}

/// Good and bad checks from two count columns, from `first` on.
pub fn counts(r: &dyn Columns, first: usize) -> Result<Counts> {
    Ok(Counts {
        good: int(r, first)? as f64,
        bad: int(r, first + 1)? as f64,
    })
}

/// `back, good, bad` of `store::sli_steps_sql`: a step's distance back from the end and its
/// counts.
pub fn sli_step(r: &dyn Columns) -> Result<(usize, Counts)> {
    let back = int(r, 0)?;
    Ok((usize::try_from(back).unwrap_or(usize::MAX), counts(r, 1)?))
}

/// A stored state.
pub fn state(text: &str) -> Result<State> {
    State::parse(text).ok_or_else(|| anyhow!("unknown state \"{text}\""))
}

pub fn message(r: &dyn Columns) -> Result<Message> {
    let id = int(r, 0)?;
    row_of("outbox", id, || {
        let state = text(r, 7)?;
        let attempts = int(r, 8)?;
        Ok(Message {
            id,
            key: text(r, 1)?,
            channel: text(r, 2)?,
            topic: text(r, 3)?,
            incident_id: r.int(4)?,
            recipient: r.text(5)?,
            payload: text(r, 6)?,
            state: state.parse().map_err(|e: String| anyhow!(e))?,
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            created_at: instant(int(r, 9)?)?,
            next_at: instant(int(r, 10)?)?,
            sent_at: instant_opt(r.int(11)?)?,
            last_error: r.text(12)?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_list_is_counted_where_it_is_written() {
        assert_eq!(column_count("id"), 1);
        assert_eq!(column_count("id, at, \n     text"), 3);
        // The incident reader reads columns 0 to 14; a listing's extra columns follow them.
        assert_eq!(INCIDENT_COLUMN_COUNT, 15);
    }

    /// A row as a driver would hand it over: each column a number, a text or NULL.
    struct Fake(Vec<Option<&'static str>>);

    impl Columns for Fake {
        fn int(&self, i: usize) -> Result<Option<i64>> {
            self.0[i].map(|t| Ok(t.parse()?)).transpose()
        }
        fn real(&self, i: usize) -> Result<Option<f64>> {
            self.0[i].map(|t| Ok(t.parse()?)).transpose()
        }
        fn text(&self, i: usize) -> Result<Option<String>> {
            Ok(self.0[i].map(str::to_string))
        }
        fn flag(&self, i: usize) -> Result<bool> {
            Ok(self.0[i] == Some("1"))
        }
    }

    fn incident_with(status: &'static str, opened_by: Option<&'static str>) -> Fake {
        Fake(vec![
            Some("7"),
            Some("db down"),
            None,
            Some("P1"),
            Some(status),
            Some("detect"),
            Some("1722988800"),
            opened_by,
            None,
            None,
            Some("1722989700"),
            Some("1723003200"),
            Some("0"),
            None,
            None,
        ])
    }

    #[test]
    fn a_row_mindops_cannot_have_written_is_named_not_defaulted() {
        let good = incident(&incident_with("open", Some("ana"))).unwrap();
        assert_eq!((good.id, good.opened_by.as_str()), (7, "ana"));
        let err = incident(&incident_with("teleported", Some("ana"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "incidents row 7: unknown status \"teleported\""
        );
        let err = incident(&incident_with("open", None)).unwrap_err();
        assert_eq!(err.to_string(), "incidents row 7: column 7 holds no text");
    }
}
