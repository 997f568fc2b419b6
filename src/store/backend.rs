//! The store contract: what a database must do for mindops, as two traits.
//!
//! [`Backend`] is a connection: the reads, the writes whose SQL differs by dialect (bulk
//! inserts, claiming with `SKIP LOCKED`), and [`Backend::write`], one transaction handed to a
//! closure as a [`Tx`]. [`Tx`] is the primitives a transaction offers (read an incident for
//! update, write it, add events, queue messages, keep a day's list); the decisions made with
//! them (`open_incident`, `modify_incidents`, actions, overrides, ticks, handovers) are written
//! once above both backends, in `store/write.rs`. A third backend implements these two traits
//! and nothing else.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};

use super::*;

/// A decision about rows that may not exist yet, which no row lock can hold.
#[derive(Debug, Clone, Copy)]
pub enum Lock<'a> {
    /// Whether an unclosed incident holds this dedup key.
    DedupKey(&'a str),
    /// Which overrides overlap.
    Overrides,
    /// A day's kept checklist and its ticks.
    ChecklistDay(NaiveDate),
}

/// The primitives of one write transaction. Each reads and writes only what it says; rows read
/// here are held against other writers until the transaction ends (PostgreSQL's `FOR UPDATE`;
/// SQLite's IMMEDIATE transaction holds the whole file).
pub trait Tx {
    /// Makes writers deciding on `lock` take turns until the transaction ends. A backend whose
    /// write transactions already exclude each other need do nothing.
    fn lock(&mut self, lock: Lock<'_>) -> Result<()>;
    /// The incident `id`, held until the transaction ends.
    fn incident(&mut self, id: i64) -> Result<Option<Incident>>;
    /// Whether the incident `id` is there, held so that it stays until the transaction ends.
    fn has_incident(&mut self, id: i64) -> Result<bool>;
    /// Every event of an incident, in order.
    fn events(&mut self, incident_id: i64) -> Result<Vec<Event>>;
    /// How many events of a kind an incident has.
    fn count_events(&mut self, incident_id: i64, kind: Kind) -> Result<i64>;
    /// The unclosed incident holding a dedup key.
    fn unclosed_with_key(&mut self, key: &str) -> Result<Option<i64>>;
    /// Stores a new open incident; its id, or `None` when an unclosed incident took its dedup
    /// key first.
    fn insert_incident(&mut self, new: &NewIncident) -> Result<Option<i64>>;
    /// Writes every changeable field of the incident back under its id.
    fn update_incident(&mut self, incident: &Incident) -> Result<()>;
    fn insert_events(&mut self, incident_id: i64, events: &[Event]) -> Result<()>;
    /// Queues messages due at `at`; a key queued before is not queued again. How many were new.
    fn insert_messages(&mut self, at: DateTime<Utc>, messages: &[NewMessage]) -> Result<usize>;
    /// The action `id`, held until the transaction ends.
    fn action(&mut self, id: i64) -> Result<Option<Action>>;
    fn insert_action(&mut self, incident_id: i64, new: &NewAction) -> Result<i64>;
    fn mark_action_done(&mut self, id: i64, by: &str, at: DateTime<Utc>) -> Result<()>;
    /// The overrides in place (not removed) that overlap `[from, to)`.
    fn overlapping_overrides(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Override>>;
    fn insert_override(&mut self, new: &NewOverride) -> Result<i64>;
    /// Marks an override removed; the override as it stood in place, or `None` when there is
    /// no such override still in place.
    fn remove_override(&mut self, id: i64, by: &str, at: DateTime<Utc>)
        -> Result<Option<Override>>;
    /// The list a day was kept with, if it has been used.
    fn kept_list(&mut self, day: NaiveDate) -> Result<Option<Checklist>>;
    /// Keeps `list` as the day's list unless one is kept already.
    fn keep_list(&mut self, day: NaiveDate, list: &Checklist, at: DateTime<Utc>) -> Result<()>;
    /// The ticks of a day, in the order they were made.
    fn day_ticks(&mut self, day: NaiveDate) -> Result<Vec<Tick>>;
    fn insert_ticks(&mut self, day: NaiveDate, ticks: &[Tick]) -> Result<()>;
    fn insert_handover(&mut self, at: DateTime<Utc>, author: &str, text: &str) -> Result<i64>;
    fn insert_review_note(
        &mut self,
        period: &str,
        topic: &str,
        text: &str,
        author: &str,
        at: DateTime<Utc>,
    ) -> Result<i64>;
    /// Stores a check made in the interval `slot` unless one is stored there already; its id
    /// when this one was.
    fn insert_slotted_check(
        &mut self,
        at: DateTime<Utc>,
        state: State,
        metrics: usize,
        slot: i64,
    ) -> Result<Option<i64>>;
    /// A check's values (those not finite are stored as none).
    fn insert_samples(
        &mut self,
        check_id: i64,
        at: DateTime<Utc>,
        samples: &[NewSample],
    ) -> Result<()>;
}

/// The work of one write transaction: committed when it returns Ok, rolled back otherwise.
pub type Work<'a> = dyn FnMut(&mut dyn Tx) -> Result<()> + 'a;

/// Calls `$callback!` with the list of [`Backend`]'s methods other than `write`, so that the
/// trait, its implementations by the backends' own methods and [`Store`]'s public methods are
/// made from one list.
macro_rules! with_methods {
    ($callback:ident { $($extra:tt)* }) => {
        $callback! {
            $($extra)*
            reads {
                /// Each job's last report, by name.
                fn beats(&self) -> Result<Vec<(String, DateTime<Utc>)>>;
                /// When the longest-waiting undelivered message fell due, if any is waiting.
                fn oldest_due_message(&self) -> Result<Option<DateTime<Utc>>>;
                /// When the last page was recorded, if any was: the history a new version of
                /// the team must not rewrite.
                fn last_page_at(&self) -> Result<Option<DateTime<Utc>>>;
                /// Every page in `[from, to)`: when, and to whom.
                fn pages_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(DateTime<Utc>, String)>>;
                /// The list a day was kept with, if it has been used.
                fn checklist_day(&self, day: NaiveDate) -> Result<Option<Checklist>>;
                /// The ticks of each day in `[from, to]`, in the order they were made.
                fn ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(NaiveDate, Tick)>>;
                /// Notes written in `[from, to)`, oldest first.
                fn handovers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<HandoverNote>>;
                fn latest_handover(&self) -> Result<Option<HandoverNote>>;
                /// The review notes of a period, in the order written.
                fn review_notes(&self, period: &str) -> Result<Vec<ReviewNote>>;
                /// The first metrics check recorded in `[from, to)`.
                fn first_check(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<DateTime<Utc>>>;
                /// The first time a status metric was recorded ok in `[from, to)`.
                fn first_ok(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<DateTime<Utc>>>;
                fn incident(&self, id: i64) -> Result<Option<(Incident, Vec<Event>)>>;
                /// Every incident a review of `[from, to)` needs, by id, with the events that
                /// change how it stands ([`STATE_KINDS`]): those opened in the period, and those
                /// opened before it that it may have found open or seen closed (still open now,
                /// or closed at or after `from`).
                fn histories(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(Incident, Vec<Event>)>>;
                /// Calls `each` with every incident the filter selects, newest first, without
                /// holding them all in memory; with `with_pages`, also with who was paged on
                /// it, in order.
                fn each_incident(&self, filter: &IncidentFilter, with_pages: bool, each: &mut dyn FnMut(Incident, Vec<Paged>) -> Result<()>) -> Result<()>;
                /// The unclosed incident holding a dedup key.
                fn unclosed_incident_with_key(&self, key: &str) -> Result<Option<i64>>;
                fn actions(&self, incident_id: i64) -> Result<Vec<Action>>;
                /// When the current unbroken run of raw CRITICAL samples of a metric began.
                fn critical_since(&self, metric: &str) -> Result<Option<DateTime<Utc>>>;
                fn last_state(&self, metric: &str) -> Result<Option<State>>;
                /// The latest `limit` samples, oldest first.
                fn recent_samples(&self, metric: &str, limit: u32) -> Result<Vec<Sample>>;
                /// The newest sample of a metric that holds a value.
                fn latest_value(&self, metric: &str) -> Result<Option<Sample>>;
                /// Outbox messages, oldest first.
                fn messages(&self, filter: &MessageFilter) -> Result<Vec<Message>>;
                fn message_counts(&self) -> Result<MessageCounts>;
                fn samples_since(&self, metric: &str, since: DateTime<Utc>) -> Result<Vec<Sample>>;
                /// A metric's samples in `[from, to)`, oldest first.
                fn samples_between(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Sample>>;
                /// The good and bad checks of a metric per `step` back from `end`, over `steps`
                /// steps (`(end − steps·step, end]`): the `(steps back, counts)` of each step
                /// that holds any.
                fn sli_steps(&self, metric: &str, good: &crate::rules::slo::Good, end: DateTime<Utc>, step: chrono::Duration, steps: usize) -> Result<Vec<(usize, crate::rules::slo::Counts)>>;
                /// The good and bad checks of a metric in each window ending at `end`, in the
                /// order given.
                fn sli_windows(&self, metric: &str, good: &crate::rules::slo::Good, end: DateTime<Utc>, windows: &[chrono::Duration]) -> Result<Vec<crate::rules::slo::Counts>>;
                /// Overrides not removed that overlap `[from, to)`.
                fn overrides_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Override>>;
                /// Overrides still to end (or all of them, removed ones too).
                fn overrides(&self, all: bool, now: DateTime<Utc>) -> Result<Vec<Override>>;
                fn override_by_id(&self, id: i64) -> Result<Option<Override>>;
                /// Events of a kind in the period, counted per actor or per value.
                fn event_counts(&self, kind: Kind, by: CountBy, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(String, u64)>>;
                /// Follow-up actions made before `at` and not done by then; and how many of
                /// them were due before that day.
                fn actions_open(&self, at: DateTime<Utc>, day: NaiveDate) -> Result<(u64, u64)>;
                /// One metric over a period: counts, mean, extremes, time in WARNING and
                /// CRITICAL.
                fn metric_summary(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<MetricSummary>;
                fn metric_mean(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<f64>>;
                /// Every page sent in `[from, to)`, oldest first, with when its incident was
                /// first answered (acknowledged or closed), if it was.
                fn page_answers(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<PageAnswer>>;
                /// The mean, least and most value of each of `buckets` equal stretches of the
                /// period.
                fn metric_trend(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>, buckets: i64) -> Result<Vec<Option<TrendPoint>>>;
                /// The first and last value of a metric in the period.
                fn first_and_last(&self, metric: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Option<(f64, f64)>>;
                /// Handover notes per author in the period.
                fn handover_counts(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(String, u64)>>;
                /// Whether anything at all has been recorded.
                fn holds_data(&self) -> Result<bool>;
                /// Rows per table, in [`copy::TABLES`] order.
                fn row_counts(&self) -> Result<Vec<(&'static str, u64)>>;
                /// Calls `each` with every row of `table`, in key order.
                fn export(&self, table: &copy::Table, each: &mut dyn FnMut(&[copy::Value]) -> Result<()>) -> Result<()>;
            }
            writes {
                /// Many checks in one transaction (an import, the demo history).
                fn record_checks(&mut self, checks: &[(DateTime<Utc>, State, &[NewSample])]) -> Result<()>;
                /// Records that the job `name` reported in at `at`.
                fn record_beat(&mut self, name: &str, at: DateTime<Utc>) -> Result<()>;
                /// Takes up to `limit` due messages for the sender `claim` until `until`,
                /// oldest due first.
                fn claim_messages(&mut self, now: DateTime<Utc>, until: DateTime<Utc>, claim: &str, limit: u32) -> Result<Vec<Message>>;
                /// Records how a claimed message's attempt ended, if `claim` still holds it;
                /// whether it did.
                fn finish_message(&mut self, at: DateTime<Utc>, claim: &str, id: i64, outcome: &Outcome) -> Result<bool>;
            }
        }
    };
}

/// The trait itself.
macro_rules! backend_trait {
    (
        reads { $( $(#[$rdoc:meta])* fn $read:ident(&self $(, $rarg:ident: $rty:ty)*) -> $rret:ty; )* }
        writes { $( $(#[$wdoc:meta])* fn $write:ident(&mut self $(, $warg:ident: $wty:ty)*) -> $wret:ty; )* }
    ) => {
        /// A connection to one database holding mindops's schema.
        pub trait Backend {
            /// Runs `work` in one write transaction, committed when it returns Ok. `work` is
            /// called once.
            fn write(&mut self, work: &mut Work<'_>) -> Result<()>;
            /// Copies every row of `source` into this database, which must hold nothing unless
            /// `replace`; checked against `expected` before it commits.
            fn import(&mut self, source: &Store, expected: &[(&'static str, u64)], replace: bool) -> Result<()>;
            $( $(#[$rdoc])* fn $read(&self $(, $rarg: $rty)*) -> $rret; )*
            $( $(#[$wdoc])* fn $write(&mut self $(, $warg: $wty)*) -> $wret; )*
        }
    };
}

/// A backend's implementation of the trait by its own methods of the same names.
macro_rules! backend_impl {
    (
        $backend:ty;
        reads { $( $(#[$rdoc:meta])* fn $read:ident(&self $(, $rarg:ident: $rty:ty)*) -> $rret:ty; )* }
        writes { $( $(#[$wdoc:meta])* fn $write:ident(&mut self $(, $warg:ident: $wty:ty)*) -> $wret:ty; )* }
    ) => {
        impl Backend for $backend {
            fn write(&mut self, work: &mut Work<'_>) -> Result<()> {
                <$backend>::write_with(self, work)
            }
            fn import(&mut self, source: &Store, expected: &[(&'static str, u64)], replace: bool) -> Result<()> {
                <$backend>::import(self, source, expected, replace)
            }
            $( fn $read(&self $(, $rarg: $rty)*) -> $rret { <$backend>::$read(self $(, $rarg)*) } )*
            $( fn $write(&mut self $(, $warg: $wty)*) -> $wret { <$backend>::$write(self $(, $warg)*) } )*
        }
    };
}

/// [`Store`]'s public methods that pass straight to the backend.
macro_rules! store_methods {
    (
        reads { $( $(#[$rdoc:meta])* fn $read:ident(&self $(, $rarg:ident: $rty:ty)*) -> $rret:ty; )* }
        writes { $( $(#[$wdoc:meta])* fn $write:ident(&mut self $(, $warg:ident: $wty:ty)*) -> $wret:ty; )* }
    ) => {
        impl Store {
            $( $(#[$rdoc])* pub fn $read(&self $(, $rarg: $rty)*) -> $rret { self.backend.$read($($rarg),*) } )*
            $( $(#[$wdoc])* pub fn $write(&mut self $(, $warg: $wty)*) -> $wret { self.backend.$write($($warg),*) } )*
        }
    };
}

with_methods!(backend_trait {});
with_methods!(backend_impl { sqlite::Sqlite; });
with_methods!(backend_impl { postgres::Postgres; });
with_methods!(store_methods {});
