//! The one place that knows SQL, behind one API. [`Store`] is what the rest of mindops sees:
//! its methods take and return domain types only. Each backend ([`sqlite`] for one file,
//! [`postgres`] for a store a team shares) implements the contract of [`backend`] with its
//! own SQL and migrations; the writes that decide on what they read are written once above
//! it, in [`write`].
//!
//! Times are stored as whole seconds since the Unix epoch (UTC): compact, indexable, and the
//! same in every backend.

mod backend;
#[cfg(test)]
mod conformance;
mod copy;
pub mod outbox;
mod postgres;
mod rows;
mod sqlite;
#[cfg(test)]
mod test_database;
mod write;

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::config::Checklist;
use crate::rules::checklist::Tick;
use crate::rules::incident::{Action, Event, Incident, Kind, Paged};
use crate::rules::metrics::State;
use crate::rules::rotation::Override;
use crate::util::time::serde_rfc3339;

pub use copy::{copy, Copied};
pub use outbox::{Delivery, Message, MessageCounts, MessageFilter, NewMessage, Outcome, Plan};

/// The events that change how an incident stands (`rules::incident::as_of` reads no others),
/// as SQL: a review need not read the pages and notes.
pub const STATE_KINDS: &str =
    "'acknowledged', 'severity_changed', 'phase_changed', 'closed', 'reopened'";

/// Pairs incidents (by id) with their events (by incident id, then id), both in id order.
pub(crate) fn with_histories(
    incidents: Vec<Incident>,
    events: Vec<(i64, Event)>,
) -> Vec<(Incident, Vec<Event>)> {
    let mut events = events.into_iter().peekable();
    incidents
        .into_iter()
        .map(|incident| {
            let mut own = Vec::new();
            while let Some((_, event)) = events.next_if(|(id, _)| *id == incident.id) {
                own.push(event);
            }
            (incident, own)
        })
        .collect()
}

/// What `rules::slo::Good` counts as a good and as a bad check, in SQL (`limit` is the
/// placeholder of a comparison's limit; only the operator is spliced in, from a fixed set).
fn sli_conditions(good: &crate::rules::slo::Good, limit: &str) -> (String, String) {
    use crate::rules::threshold::Op;
    match good {
        crate::rules::slo::Good::State => (
            "raw_state = 'OK'".to_string(),
            "raw_state IN ('WARNING', 'CRITICAL')".to_string(),
        ),
        crate::rules::slo::Good::Compare { op, .. } => {
            let op = match op {
                Op::Lt => "<",
                Op::Le => "<=",
                Op::Gt => ">",
                Op::Ge => ">=",
                Op::Eq => "=",
            };
            (
                format!("value {op} {limit}"),
                format!("value IS NOT NULL AND NOT (value {op} {limit})"),
            )
        }
    }
}

/// The counts of a metric's checks per step back from `end`, as `store.sli_steps` returns
/// them, in one statement both dialects read alike (`$n` placeholders; SQLite takes them as
/// named parameters). Parameters: $1 the metric, $2 the end, $3 the step, $4 the start
/// (exclusive), and with a comparison $5 its limit.
pub(crate) fn sli_steps_sql(good: &crate::rules::slo::Good) -> String {
    let (good, bad) = sli_conditions(good, "$5");
    format!(
        "SELECT ($2 - at) / $3 AS back, count(*) FILTER (WHERE {good}),
                count(*) FILTER (WHERE {bad})
           FROM metric_samples WHERE metric = $1 AND at > $4 AND at <= $2
          GROUP BY back"
    )
}

/// The good and bad checks of each window ending at `end`, in one pass over the longest and
/// no grouping (SQLite would sort the groups in a temporary tree: twice the time).
/// Parameters: $1 the metric, $2 the end, and with a comparison $3 its limit; the windows'
/// lengths are whole seconds written into the statement, cast so that PostgreSQL reads the
/// end as a bigint.
pub(crate) fn sli_windows_sql(
    good: &crate::rules::slo::Good,
    windows: &[chrono::Duration],
) -> String {
    let (good, bad) = sli_conditions(good, "$3");
    let longest = windows.iter().map(|w| w.num_seconds()).max().unwrap_or(0);
    let counts: Vec<String> = windows
        .iter()
        .map(|w| {
            let secs = w.num_seconds();
            format!(
                "count(*) FILTER (WHERE at > $2 - CAST({secs} AS BIGINT) AND {good}),
                 count(*) FILTER (WHERE at > $2 - CAST({secs} AS BIGINT) AND {bad})"
            )
        })
        .collect();
    format!(
        "SELECT {} FROM metric_samples
          WHERE metric = $1 AND at > $2 - CAST({longest} AS BIGINT) AND at <= $2",
        counts.join(", ")
    )
}

/// A write whose commit was sent but whose answer never came: the connection was lost, and
/// the change may or may not be stored. Whoever retries must look first.
#[derive(Debug, thiserror::Error)]
#[error(
    "the connection to {server} was lost while committing ({cause}): the change may or may \
     not have been saved"
)]
pub struct OutcomeUnknown {
    pub server: String,
    pub cause: String,
}

/// A row asked for by its number that is not there. The store says what is missing; the
/// command line (`cmd::run`) says which command lists what there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotFound {
    #[error("no incident {0}")]
    Incident(i64),
    #[error("no action {0}")]
    Action(i64),
}

/// Where the store is: a SQLite file, or a PostgreSQL database named by a `postgres://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Location {
    pub fn parse(given: PathBuf) -> Self {
        match given.to_str() {
            Some(url) if postgres::connect::is_url(url) => Location::Postgres(url.to_string()),
            _ => Location::Sqlite(given),
        }
    }
}

/// For messages: a path, or the URL without its password.
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&postgres::connect::redact(url)),
        }
    }
}

/// The store of one command run: a backend behind the contract of [`backend::Backend`], and
/// the plan of what incident changes tell people.
pub struct Store {
    backend: Box<dyn backend::Backend>,
    /// Turns incident events into outbox messages in the same transaction; none, none queued.
    plan: Option<Box<dyn Plan>>,
}

/// What `db status` shows.
#[derive(Debug, Clone)]
pub struct Described {
    pub backend: &'static str,
    pub location: String,
    /// None when nothing has been recorded there yet.
    pub schema: Option<i64>,
    pub latest_schema: i64,
    pub rows: Vec<(&'static str, u64)>,
}

impl Store {
    /// Opens the database, creating it (and for SQLite its folder) when missing, and brings its
    /// schema up to date: for commands that write.
    pub fn open(location: &Location) -> Result<Self> {
        let backend: Box<dyn backend::Backend> = match location {
            Location::Sqlite(path) => Box::new(sqlite::Sqlite::open(path)?),
            Location::Postgres(url) => {
                Box::new(postgres::Postgres::open(postgres::Target::parse(url)?)?)
            }
        };
        Ok(Store {
            backend,
            plan: None,
        })
    }

    /// From now on, every incident change also queues the messages `plan` makes of its events,
    /// in the same transaction.
    pub fn set_plan(&mut self, plan: Box<dyn Plan>) {
        self.plan = Some(plan);
    }

    /// Opens the database when it holds mindops's tables, else an empty one in memory: a
    /// command that only reads sees "nothing recorded yet" without creating anything.
    pub fn open_existing(location: &Location) -> Result<Self> {
        let backend: Box<dyn backend::Backend> = match location {
            Location::Sqlite(path) => match sqlite::Sqlite::open_existing(path)? {
                Some(db) => Box::new(db),
                None => Box::new(sqlite::Sqlite::empty()?),
            },
            Location::Postgres(url) => {
                match postgres::Postgres::open_existing(postgres::Target::parse(url)?)? {
                    Some(db) => Box::new(db),
                    None => Box::new(sqlite::Sqlite::empty()?),
                }
            }
        };
        Ok(Store {
            backend,
            plan: None,
        })
    }

    /// A consistent copy of the SQLite store at `location` written to `to` while others go on
    /// writing; the pages copied. None for PostgreSQL, which has its own tools for this.
    pub fn backup(location: &Location, to: &Path) -> Result<Option<u64>> {
        let Location::Sqlite(path) = location else {
            return Ok(None);
        };
        let same = std::fs::canonicalize(path).ok().zip(
            to.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| std::fs::canonicalize("."), std::fs::canonicalize)
                .ok()
                .zip(to.file_name())
                .map(|(dir, name)| dir.join(name)),
        );
        if same.is_some_and(|(from, to)| from == to) {
            anyhow::bail!(
                "{} is the database itself; back it up to another file",
                to.display()
            );
        }
        match sqlite::Sqlite::open_existing(path)? {
            Some(db) => db.backup(to).map(Some),
            None => anyhow::bail!("there is no database at {} to back up", path.display()),
        }
    }

    /// The backend, where it is, its schema version and how many rows each table holds.
    pub fn describe(location: &Location) -> Result<Described> {
        let (backend, schema, latest_schema, rows) = match location {
            Location::Sqlite(path) => {
                let db = sqlite::Sqlite::open_existing(path)?;
                let schema = db.as_ref().map(|db| db.version()).transpose()?;
                let rows = match &db {
                    Some(db) => db.row_counts()?,
                    None => Vec::new(),
                };
                ("sqlite", schema, sqlite::SCHEMA_VERSION, rows)
            }
            Location::Postgres(url) => {
                let db = postgres::Postgres::open_existing(postgres::Target::parse(url)?)?;
                let schema = db.as_ref().map(|db| db.version());
                let rows = match &db {
                    Some(db) => db.row_counts()?,
                    None => Vec::new(),
                };
                ("postgresql", schema, postgres::SCHEMA_VERSION, rows)
            }
        };
        Ok(Described {
            backend,
            location: location.to_string(),
            schema,
            latest_schema,
            rows,
        })
    }

    /// Changes an incident inside one write transaction: `change` sees the current record and
    /// its history, edits the record and returns the events that say what it did. No events,
    /// no write.
    pub fn modify_incident<T>(
        &mut self,
        id: i64,
        change: impl FnOnce(&mut Incident, &[Event]) -> Result<(Vec<Event>, T)>,
    ) -> Result<T> {
        let mut change = Some(change);
        let mut results = self.modify_incidents(&[id], |inc, history| match change.take() {
            Some(change) => change(inc, history),
            None => anyhow::bail!("incident {id} was changed twice in one transaction"),
        })?;
        results
            .pop()
            .ok_or_else(|| anyhow::anyhow!("incident {id} was not changed"))
    }

    /// Newest first.
    pub fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>> {
        let mut out = Vec::new();
        self.each_incident(filter, false, &mut |i, _| {
            out.push(i);
            Ok(())
        })?;
        Ok(out)
    }

    /// One check and every value it saw, in one transaction.
    pub fn record_check(
        &mut self,
        at: DateTime<Utc>,
        state: State,
        samples: &[NewSample],
    ) -> Result<()> {
        self.record_checks(&[(at, state, samples)])
    }

    pub fn latest_sample(&self, metric: &str) -> Result<Option<Sample>> {
        Ok(self.recent_samples(metric, 1)?.pop())
    }
}

/// The stretch a set of new overrides covers, from the first start to the last end.
pub(crate) fn span(news: &[NewOverride]) -> (DateTime<Utc>, DateTime<Utc>) {
    let from = news.iter().map(|n| n.from).min();
    let to = news.iter().map(|n| n.to).max();
    (
        from.unwrap_or(DateTime::<Utc>::MIN_UTC),
        to.unwrap_or(DateTime::<Utc>::MIN_UTC),
    )
}

/// A mean as every backend reports it. Engines sum floating-point values differently (SQLite
/// compensates rounding errors, PostgreSQL adds in scan order), so the last bits of a mean
/// differ; twelve significant digits are more than any reading of a metric carries, and the
/// same on both.
pub(crate) fn settle(mean: f64) -> f64 {
    if !mean.is_finite() || mean == 0.0 {
        return mean;
    }
    format!("{mean:.11e}").parse().unwrap_or(mean)
}

/// Decides, from a day's kept list and its ticks so far, which ticks to add.
pub type TickDecision<'a> = dyn FnMut(&Checklist, &[Tick]) -> Result<Vec<Tick>> + 'a;

/// A page sent, and when its incident was first answered (acknowledged or closed), if it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageAnswer {
    pub paged_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// One stretch of a metric's trend: its mean, and the band its values kept to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendPoint {
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// A decision or remark recorded for a review period's agenda topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewNote {
    pub id: i64,
    pub period: String,
    pub topic: String,
    pub text: String,
    pub author: String,
    #[serde(serialize_with = "serde_rfc3339")]
    pub at: DateTime<Utc>,
}

/// A note for the next person on call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HandoverNote {
    pub id: i64,
    #[serde(serialize_with = "serde_rfc3339")]
    pub at: DateTime<Utc>,
    pub author: String,
    pub text: String,
}

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

impl NewIncident<'_> {
    /// The incident as it reads once stored under `id`: open, at the first level, unresolved.
    pub fn stored(&self, id: i64) -> Incident {
        Incident {
            id,
            title: self.title.to_string(),
            description: self.description.map(str::to_string),
            severity: self.severity.to_string(),
            status: crate::rules::incident::Status::Open,
            phase: self.phase.to_string(),
            opened_at: self.opened_at,
            opened_by: self.opened_by.to_string(),
            acked_at: None,
            closed_at: None,
            ack_due: self.ack_due,
            resolve_due: self.resolve_due,
            escalation_level: 0,
            dedup_key: self.dedup_key.map(str::to_string),
            resolution: None,
        }
    }
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

pub struct NewSample<'a> {
    pub metric: &'a str,
    pub value: Option<f64>,
    pub state: State,
    pub raw: State,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub at: DateTime<Utc>,
    pub value: Option<f64>,
    pub state: State,
}

/// An override about to be stored.
pub struct NewOverride<'a> {
    pub role: &'a str,
    pub person: &'a str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub reason: Option<&'a str>,
    pub by: &'a str,
    pub at: DateTime<Utc>,
}

impl NewOverride<'_> {
    /// The override as it reads once stored under `id`.
    pub fn stored(&self, id: i64) -> Override {
        Override {
            id,
            role: self.role.to_string(),
            person: self.person.to_string(),
            from: self.from,
            to: self.to,
            reason: self.reason.map(str::to_string),
            created_by: self.by.to_string(),
            created_at: self.at,
            removed_at: None,
            removed_by: None,
        }
    }
}

/// What an override change queues: given the overrides changed (as stored) and the others
/// overlapping them, the messages telling the people they move.
pub type OverrideMessages<'a> = dyn Fn(&[Override], &[Override]) -> Vec<NewMessage> + 'a;

/// What event counts are grouped by: who did it, or the value it set (the person paged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountBy {
    Actor,
    Value,
}

/// One metric over a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricSummary {
    pub samples: u64,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub ok: u64,
    pub latest: Option<f64>,
    pub warning_seconds: i64,
    pub critical_seconds: i64,
}
